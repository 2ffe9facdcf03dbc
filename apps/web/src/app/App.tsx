import { ConsolePage } from '../console/ConsolePage.tsx';
import { ExplorerPage } from '../explorer/ExplorerPage.tsx';
import { ImportPage } from '../import/ImportPage.tsx';
import { ReviewPage } from '../review/ReviewPage.tsx';
import { ROUTES, useRoute, type RouteName } from './useRoute.ts';

const PAGES: Record<RouteName, { label: string; render: () => React.JSX.Element }> = {
  explorer: { label: 'Explore', render: () => <ExplorerPage /> },
  console: { label: 'Cypher console', render: () => <ConsolePage /> },
  import: { label: 'Import', render: () => <ImportPage /> },
  review: { label: 'Review matches', render: () => <ReviewPage /> },
};

/** The shell: title, page navigation, and the current page. */
export function App() {
  const [route, navigate] = useRoute();
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>Supply-chain explorer</h1>
          <p className="muted">US technology reaching Chinese public-security bodies — every fact with its source.</p>
        </div>
        <nav aria-label="Pages" className="app-nav">
          {(Object.keys(PAGES) as RouteName[]).map((name) => (
            <a
              key={name}
              href={ROUTES[name]}
              aria-current={route === name ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(name);
              }}
            >
              {PAGES[name].label}
            </a>
          ))}
        </nav>
      </header>
      {PAGES[route].render()}
    </div>
  );
}
