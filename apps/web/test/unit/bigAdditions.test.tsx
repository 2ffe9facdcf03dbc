import type { Graph } from '@explorer/model';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { useReducer, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { historyReducer, initialHistory } from '../../src/explorer/state/canvasHistory.ts';
import { CONFIRM_ABOVE, useCanvasActions } from '../../src/explorer/state/useCanvasActions.ts';
import { CanvasStoreContext, useCanvasStore } from '../../src/explorer/state/useCanvasStore.ts';
import { node } from './fixtures.ts';

function Store({ children }: { children: ReactNode }) {
  const [history, dispatch] = useReducer(historyReducer, undefined, () => initialHistory());
  return (
    <QueryClientProvider client={new QueryClient()}>
      <CanvasStoreContext value={{ history, dispatch }}>{children}</CanvasStoreContext>
    </QueryClientProvider>
  );
}

const graphOf = (count: number): Graph => ({
  nodes: Array.from({ length: count }, (_, i) => node(`n${i}`)),
  edges: [],
});

function setup(answer: boolean) {
  const confirm = vi.fn(() => answer);
  const { result } = renderHook(() => ({ actions: useCanvasActions(confirm), store: useCanvasStore() }), {
    wrapper: Store,
  });
  return { result, confirm };
}

describe('adding many elements at once', () => {
  it('adds up to the threshold without asking', () => {
    const { result, confirm } = setup(false);
    act(() => void result.current.actions.addGraph(graphOf(CONFIRM_ABOVE)));
    expect(confirm).not.toHaveBeenCalled();
    expect(Object.keys(result.current.store.history.present.nodes).length).toBe(CONFIRM_ABOVE);
  });

  it('asks first above it, and adds nothing when the user declines', () => {
    const declined = setup(false);
    act(() => void declined.result.current.actions.addGraph(graphOf(CONFIRM_ABOVE + 1)));
    expect(declined.confirm).toHaveBeenCalledWith(expect.stringContaining(`${CONFIRM_ABOVE + 1} elements`));
    expect(declined.result.current.store.history.present.nodes).toEqual({});

    const accepted = setup(true);
    act(() => void accepted.result.current.actions.addGraph(graphOf(CONFIRM_ABOVE + 1)));
    expect(Object.keys(accepted.result.current.store.history.present.nodes).length).toBe(CONFIRM_ABOVE + 1);
  });
});
