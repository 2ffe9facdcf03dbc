import { useEffect, useRef, useState } from 'react';
import { decodeCanvasLink, encodeCanvasLink, toCanvasLink } from './canvasUrl.ts';
import type { CanvasActions } from './useCanvasActions.ts';
import { useCanvasStore } from './useCanvasStore.ts';

export const STORAGE_KEY = 'explorer.canvas';

/** The canvas this browser last kept, as a link query ('' when none or when storage is off). */
export function readSavedCanvas(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Keeps the canvas in the URL's fragment (a copied link reopens the same view) and in localStorage (the last
 * canvas survives a reload). On first render, the URL wins over localStorage.
 */
export function useCanvasPersistence(actions: CanvasActions): void {
  const { history, dispatch } = useCanvasStore();
  const started = useRef(false);
  // The saved canvas: the URL wins over localStorage. Read once, on the first render.
  // Links made before the canvas moved to the fragment carry it in the query: still opened.
  const [link] = useState(
    () =>
      decodeCanvasLink(window.location.hash) ??
      decodeCanvasLink(window.location.search) ??
      decodeCanvasLink(readSavedCanvas()),
  );
  // Until the saved canvas is back, nothing is written: a failed restore must not erase the link.
  const [ready, setReady] = useState(link === null);
  const { restore } = actions;

  useEffect(() => {
    if (started.current || !link) return;
    started.current = true;
    dispatch({ type: 'filter', filters: link.filters });
    void restore(link.nodeIds, link.edgeIds.length > 0 ? link.edgeIds : null).then((ok) => {
      if (!ok) return;
      dispatch({ type: 'pin', positions: link.pinned });
      dispatch({ type: 'layout', layout: { name: link.layout } });
      setReady(true);
    });
  }, [link, restore, dispatch]);

  // This page only ever replaces its URL, which fires no hashchange: one means the user typed or
  // pasted another canvas link into this tab. Open it as if it were a new tab.
  useEffect(() => {
    const reopen = () => window.location.reload();
    window.addEventListener('hashchange', reopen);
    return () => window.removeEventListener('hashchange', reopen);
  }, []);

  const query = encodeCanvasLink(toCanvasLink(history.present));
  useEffect(() => {
    if (!ready) return;
    // The explorer has no query parameters of its own: an old-style canvas query is replaced by the fragment.
    const url = `${window.location.pathname}${query ? `#${query}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, query);
    } catch {
      // Private mode or a full quota: the URL still holds the canvas.
    }
  }, [query, ready]);
}
