import { useCallback, useSyncExternalStore } from 'react';

/** The app's pages, by URL path. The server answers every non-API path with the app. */
export const ROUTES = {
  explorer: '/',
  console: '/console',
  import: '/import',
  review: '/review',
} as const;
export type RouteName = keyof typeof ROUTES;

function current(): RouteName {
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  return (Object.entries(ROUTES).find(([, p]) => p === path)?.[0] as RouteName | undefined) ?? 'explorer';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/** The current page and a way to go to another one (history.pushState, back button works). */
export function useRoute(): [RouteName, (to: RouteName) => void] {
  const route = useSyncExternalStore(subscribe, current);
  const navigate = useCallback((to: RouteName) => {
    if (to === current()) return;
    window.history.pushState(null, '', ROUTES[to]);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return [route, navigate];
}
