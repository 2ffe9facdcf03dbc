import { useCallback, useState } from 'react';

const STORAGE_KEY = 'explorer.userName';

function read(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The name this browser's user goes by when the tool records who did something (an import, a
 * merge). There are no accounts: it is asked once and remembered in localStorage.
 */
export function useUserName(): [string, (name: string) => void] {
  const [name, setName] = useState(read);
  const update = useCallback((next: string) => {
    setName(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next.trim());
    } catch {
      // Private windows may refuse storage; the name still holds for this page.
    }
  }, []);
  return [name, update];
}
