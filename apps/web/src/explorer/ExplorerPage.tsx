import { useReducer } from 'react';
import { ApiStatusBanner } from '../components/ApiStatusBanner.tsx';
import { ExplorerWorkspace } from './ExplorerWorkspace.tsx';
import { historyReducer, initialHistory } from './state/canvasHistory.ts';
import { CanvasStoreContext } from './state/useCanvasStore.ts';

/** The journalists' page: one canvas store for everything on it. */
export function ExplorerPage() {
  const [history, dispatch] = useReducer(historyReducer, undefined, () => initialHistory());
  return (
    <CanvasStoreContext value={{ history, dispatch }}>
      <ApiStatusBanner />
      <ExplorerWorkspace />
    </CanvasStoreContext>
  );
}
