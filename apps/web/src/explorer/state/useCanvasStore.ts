import { createContext, useContext, type Dispatch } from 'react';
import type { CanvasHistory, HistoryAction } from './canvasHistory.ts';

/** The one canvas store, provided by the explorer page (useReducer over historyReducer). */
export interface CanvasStore {
  history: CanvasHistory;
  dispatch: Dispatch<HistoryAction>;
}

export const CanvasStoreContext = createContext<CanvasStore | null>(null);

export function useCanvasStore(): CanvasStore {
  const store = useContext(CanvasStoreContext);
  if (!store) throw new Error('useCanvasStore outside the explorer page');
  return store;
}
