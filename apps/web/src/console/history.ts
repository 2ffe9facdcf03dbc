import { useCallback, useState } from 'react';

const KEY = 'explorer.console.history';
const MAX = 30;

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The analyst's last queries, newest first, kept in this browser (localStorage). */
export function useHistory(): [string[], (query: string) => void] {
  const [items, setItems] = useState(read);
  const remember = useCallback((query: string) => {
    const next = [query, ...read().filter((q) => q !== query)].slice(0, MAX);
    localStorage.setItem(KEY, JSON.stringify(next));
    setItems(next);
  }, []);
  return [items, remember];
}
