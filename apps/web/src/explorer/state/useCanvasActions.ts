import type { Graph, RelationshipType } from '@explorer/model';
import { useCallback, useMemo, useState } from 'react';
import { useCanvasFetchers } from '../../api/hooks.ts';
import { readGraphFile } from './graphFile.ts';
import type { LayoutRequest, Point } from './canvasState.ts';
import { useCanvasStore } from './useCanvasStore.ts';

/** Adding more new elements than this at once asks the user first: big graphs are slow to read. */
export const CONFIRM_ABOVE = 300;

/** How many new nodes and edges a graph would put on the canvas. */
export function countNew(graph: Graph, onCanvas: { nodes: Record<string, unknown>; edges: Record<string, unknown> }) {
  return (
    graph.nodes.filter((n) => !onCanvas.nodes[n.id]).length + graph.edges.filter((e) => !onCanvas.edges[e.id]).length
  );
}

/**
 * The canvas actions the toolbar, menus and panels offer, each fetching what it needs and then
 * changing the store. `busy` and `error` describe the last fetch, for the canvas's status line.
 */
export function useCanvasActions(confirm: (message: string) => boolean = (m) => window.confirm(m)) {
  const { history, dispatch } = useCanvasStore();
  const fetchers = useCanvasFetchers();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const present = history.present;

  const addGraph = useCallback(
    (graph: Graph, note?: string): boolean => {
      const count = countNew(graph, present);
      if (count > CONFIRM_ABOVE && !confirm(`This adds ${count} elements to the canvas${note ?? ''}. Continue?`)) {
        return false;
      }
      dispatch({ type: 'add', graph });
      return true;
    },
    [confirm, dispatch, present],
  );

  /** Runs a fetch-then-change task; resolves to whether it worked (a failure shows in `error`). */
  const run = useCallback(async (label: string, task: () => Promise<void>): Promise<boolean> => {
    setBusy(label);
    setError(null);
    try {
      await task();
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    } finally {
      setBusy(null);
    }
  }, []);

  return useMemo(
    () => ({
      busy,
      error,
      addGraph,
      expand: (ids: readonly string[], types?: readonly RelationshipType[]) =>
        run('Expanding…', async () => {
          const graphs = await Promise.all(ids.map((id) => fetchers.neighbors(id, { types, limit: 500 })));
          const merged: Graph = { nodes: graphs.flatMap((g) => g.nodes), edges: graphs.flatMap((g) => g.edges) };
          addGraph(merged, graphs.some((g) => g.truncated) ? ' (the neighbourhood was cut at 500)' : '');
        }),
      connect: () =>
        run('Connecting…', async () => {
          const ids = Object.keys(present.nodes);
          if (ids.length === 0) return;
          const graph = await fetchers.connect(ids);
          addGraph({ nodes: [], edges: graph.edges });
        }),
      trace: (from: string, direction: 'downstream' | 'upstream', maxHops: number) =>
        run('Tracing…', async () => {
          const trace = await fetchers.trace(from, direction, maxHops);
          if (addGraph(trace)) dispatch({ type: 'layout', layout: { name: 'trace', depth: trace.depth } });
        }),
      openFile: (file: File) =>
        run(`Opening ${file.name}…`, async () => {
          const graph = await readGraphFile(file);
          addGraph(graph, ` from ${file.name}`);
        }),
      restore: (nodeIds: readonly string[], edgeIds: readonly string[] | null) =>
        run('Opening the saved canvas…', async () => {
          const graph = await fetchers.connect(nodeIds);
          const keep = edgeIds ? new Set(edgeIds) : null;
          dispatch({
            type: 'add',
            graph: { nodes: graph.nodes, edges: graph.edges.filter((e) => !keep || keep.has(e.id)) },
          });
        }),
      remove: (ids: string[]) => dispatch({ type: 'remove', ids }),
      collapse: (ids: string[]) => dispatch({ type: 'collapse', ids }),
      pin: (positions: Record<string, Point>) => dispatch({ type: 'pin', positions }),
      unpin: (ids: string[]) => dispatch({ type: 'unpin', ids }),
      layout: (layout: LayoutRequest) => dispatch({ type: 'layout', layout }),
      highlight: (nodeIds: string[], edgeIds: string[]) => dispatch({ type: 'highlight', nodeIds, edgeIds }),
      clear: () => dispatch({ type: 'clear' }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
    }),
    [busy, error, addGraph, run, fetchers, present, dispatch, history.past.length, history.future.length],
  );
}
export type CanvasActions = ReturnType<typeof useCanvasActions>;
