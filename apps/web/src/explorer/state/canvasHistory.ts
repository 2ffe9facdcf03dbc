import { canvasReducer, type CanvasAction } from './canvasReducer.ts';
import { EMPTY_CANVAS, type CanvasState } from './canvasState.ts';

/** How many earlier canvases undo can go back to. */
const HISTORY_LIMIT = 100;

export interface CanvasHistory {
  past: CanvasState[];
  present: CanvasState;
  future: CanvasState[];
}

export type HistoryAction = CanvasAction | { type: 'undo' } | { type: 'redo' };

/**
 * Highlighting a path or laying the canvas out again is a view of the canvas, not a change of what is
 * on it: undo does not step through them (undoing a trace removes what it added in one step).
 */
const UNRECORDED = new Set<HistoryAction['type']>(['highlight', 'layout']);

export const initialHistory = (present: CanvasState = EMPTY_CANVAS): CanvasHistory => ({
  past: [],
  present,
  future: [],
});

/** The canvas store: every change is recorded so that it can be undone and redone. */
export function historyReducer(history: CanvasHistory, action: HistoryAction): CanvasHistory {
  const { past, present, future } = history;
  if (action.type === 'undo') {
    const previous = past.at(-1);
    if (!previous) return history;
    return { past: past.slice(0, -1), present: bumpLayout(previous, present), future: [present, ...future] };
  }
  if (action.type === 'redo') {
    const next = future[0];
    if (!next) return history;
    return { past: [...past, present], present: bumpLayout(next, present), future: future.slice(1) };
  }
  const changed = canvasReducer(present, action);
  if (changed === present) return history;
  if (UNRECORDED.has(action.type)) return { ...history, present: changed };
  return { past: [...past, present].slice(-HISTORY_LIMIT), present: changed, future: [] };
}

/** A state coming back from history is laid out again (the canvas reacts to layoutRun). */
function bumpLayout(state: CanvasState, current: CanvasState): CanvasState {
  return { ...state, layoutRun: current.layoutRun + 1 };
}
