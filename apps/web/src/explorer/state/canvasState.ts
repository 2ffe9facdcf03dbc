import type { EntityKind, GraphEdge, GraphNode, RelationshipType } from '@explorer/model';

/** A position on the canvas (model coordinates). */
export interface Point {
  x: number;
  y: number;
}

/** What the canvas hides without forgetting it. Dates are YYYY, YYYY-MM or YYYY-MM-DD; null: no bound. */
export interface CanvasFilters {
  hiddenKinds: EntityKind[];
  hiddenTypes: RelationshipType[];
  dateFrom: string | null;
  dateTo: string | null;
}

export const LAYOUT_NAMES = ['fcose', 'dagre', 'concentric'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** The layout to run; `trace` places nodes by their hop count from the trace's start, left to right. */
export type LayoutRequest = { name: LayoutName } | { name: 'trace'; depth: Record<string, number> };

/** Everything the canvas shows, as one plain value (undo/redo keeps copies of it). */
export interface CanvasState {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
  /** Pinned nodes and where they stay: layouts do not move them. */
  pinned: Record<string, Point>;
  filters: CanvasFilters;
  layout: LayoutRequest;
  /** Bumped whenever the layout must run again over the whole canvas. */
  layoutRun: number;
  /** Elements drawn highlighted (found paths). Not part of the URL. */
  highlight: { nodeIds: string[]; edgeIds: string[] };
}

export const NO_FILTERS: CanvasFilters = { hiddenKinds: [], hiddenTypes: [], dateFrom: null, dateTo: null };

export const EMPTY_CANVAS: CanvasState = {
  nodes: {},
  edges: {},
  pinned: {},
  filters: NO_FILTERS,
  layout: { name: 'fcose' },
  layoutRun: 0,
  highlight: { nodeIds: [], edgeIds: [] },
};
