import type { Graph } from '@explorer/model';
import { EMPTY_CANVAS, type CanvasFilters, type CanvasState, type LayoutRequest, type Point } from './canvasState.ts';

export type CanvasAction =
  | { type: 'add'; graph: Graph }
  | { type: 'remove'; ids: string[] }
  | { type: 'collapse'; ids: string[] }
  | { type: 'pin'; positions: Record<string, Point> }
  | { type: 'unpin'; ids: string[] }
  | { type: 'filter'; filters: CanvasFilters }
  | { type: 'layout'; layout: LayoutRequest }
  | { type: 'highlight'; nodeIds: string[]; edgeIds: string[] }
  | { type: 'replace'; state: CanvasState }
  | { type: 'clear' };

/** Adds nodes, then every edge whose two ends are on the canvas; existing elements are refreshed. */
function add(state: CanvasState, graph: Graph): CanvasState {
  const nodes = { ...state.nodes };
  for (const node of graph.nodes) nodes[node.id] = node;
  const edges = { ...state.edges };
  for (const edge of graph.edges) {
    if (nodes[edge.source] && nodes[edge.target]) edges[edge.id] = edge;
  }
  return { ...state, nodes, edges };
}

/** Removes nodes or edges by id; a removed node takes its edges with it. */
function remove(state: CanvasState, ids: readonly string[]): CanvasState {
  const gone = new Set(ids);
  const nodes = Object.fromEntries(Object.entries(state.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(state.edges).filter(([id, e]) => !gone.has(id) && nodes[e.source] && nodes[e.target]),
  );
  const pinned = Object.fromEntries(Object.entries(state.pinned).filter(([id]) => nodes[id]));
  const highlight = {
    nodeIds: state.highlight.nodeIds.filter((id) => nodes[id]),
    edgeIds: state.highlight.edgeIds.filter((id) => edges[id]),
  };
  return { ...state, nodes, edges, pinned, highlight };
}

/**
 * The entities that collapsing `ids` takes off the canvas: neighbours whose every relationship on the
 * canvas leads to one of `ids` (what an expand of them would have brought), except pinned ones and
 * the collapsed entities themselves. Anything also linked elsewhere stays: collapse never cuts a chain.
 */
export function collapsedBy(state: CanvasState, ids: readonly string[]): string[] {
  const centres = new Set(ids);
  const links = new Map<string, Set<string>>();
  for (const { source, target } of Object.values(state.edges)) {
    links.set(source, (links.get(source) ?? new Set()).add(target));
    links.set(target, (links.get(target) ?? new Set()).add(source));
  }
  return Object.keys(state.nodes).filter((id) => {
    const neighbours = links.get(id);
    if (centres.has(id) || state.pinned[id] || !neighbours) return false;
    return [...neighbours].every((n) => centres.has(n));
  });
}

/** The canvas after one change. Pure: the history wrapper keeps the states it returns. */
export function canvasReducer(state: CanvasState, action: CanvasAction): CanvasState {
  switch (action.type) {
    case 'add':
      return add(state, action.graph);
    case 'remove':
      return remove(state, action.ids);
    case 'collapse':
      return remove(state, collapsedBy(state, action.ids));
    case 'pin': {
      const known = Object.entries(action.positions).filter(([id]) => state.nodes[id]);
      if (known.length === 0) return state;
      return { ...state, pinned: { ...state.pinned, ...Object.fromEntries(known) } };
    }
    case 'unpin': {
      const ids = new Set(action.ids);
      return { ...state, pinned: Object.fromEntries(Object.entries(state.pinned).filter(([id]) => !ids.has(id))) };
    }
    case 'filter':
      return JSON.stringify(action.filters) === JSON.stringify(state.filters)
        ? state
        : { ...state, filters: action.filters };
    case 'layout':
      return { ...state, layout: action.layout, layoutRun: state.layoutRun + 1 };
    case 'highlight':
      return { ...state, highlight: { nodeIds: action.nodeIds, edgeIds: action.edgeIds } };
    case 'replace':
      return { ...action.state, layoutRun: state.layoutRun + 1 };
    case 'clear':
      return { ...EMPTY_CANVAS, layout: state.layout, layoutRun: state.layoutRun + 1 };
  }
}
