import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '@explorer/model';
import {
  LAYOUT_NAMES,
  NO_FILTERS,
  type CanvasFilters,
  type CanvasState,
  type LayoutName,
  type Point,
} from './canvasState.ts';

/**
 * The canvas as a URL fragment (`#n=…`): which entities and relationships are on it, pinned positions, layout and
 * filters. Entities' contents are fetched again when the link is opened, so links stay short and current.
 * A fragment, not a query: it never travels to the server, so a big canvas cannot exceed the
 * server's request-header limit, and no canvas is written to server logs.
 * Ids never contain "," or "~" (see IdSchema), which separate the values.
 */
export interface CanvasLink {
  nodeIds: string[];
  edgeIds: string[];
  pinned: Record<string, Point>;
  layout: LayoutName;
  filters: CanvasFilters;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(allowed: readonly T[], values: string[]) =>
  values.filter((v): v is T => (allowed as readonly string[]).includes(v));

export function toCanvasLink(state: CanvasState): CanvasLink {
  return {
    nodeIds: Object.keys(state.nodes),
    edgeIds: Object.keys(state.edges),
    pinned: state.pinned,
    layout: state.layout.name === 'trace' ? 'dagre' : state.layout.name,
    filters: state.filters,
  };
}

/** The link text (without "#") for a canvas; empty for an empty canvas. */
export function encodeCanvasLink(link: CanvasLink): string {
  if (link.nodeIds.length === 0) return '';
  const params = new URLSearchParams();
  params.set('n', link.nodeIds.join(','));
  if (link.edgeIds.length > 0) params.set('e', link.edgeIds.join(','));
  const pins = Object.entries(link.pinned).map(([id, p]) => `${id}~${Math.round(p.x)}~${Math.round(p.y)}`);
  if (pins.length > 0) params.set('pin', pins.join(','));
  if (link.layout !== 'fcose') params.set('layout', link.layout);
  const { hiddenKinds, hiddenTypes, dateFrom, dateTo } = link.filters;
  if (hiddenKinds.length > 0) params.set('hideKinds', hiddenKinds.join(','));
  if (hiddenTypes.length > 0) params.set('hideTypes', hiddenTypes.join(','));
  if (dateFrom) params.set('from', dateFrom);
  if (dateTo) params.set('to', dateTo);
  return params.toString();
}

/**
 * The canvas a link describes (its fragment, or a query string as older links had), or null when it
 * names no entity. Unknown values are dropped.
 */
export function decodeCanvasLink(fragmentOrSearch: string): CanvasLink | null {
  const params = new URLSearchParams(fragmentOrSearch.replace(/^[#?]/, ''));
  const nodeIds = list(params.get('n'));
  if (nodeIds.length === 0) return null;
  const pinned: Record<string, Point> = {};
  for (const entry of list(params.get('pin'))) {
    const [id, x, y] = entry.split('~');
    if (id && nodeIds.includes(id) && Number.isFinite(Number(x)) && Number.isFinite(Number(y))) {
      pinned[id] = { x: Number(x), y: Number(y) };
    }
  }
  const layout = oneOf(LAYOUT_NAMES, [params.get('layout') ?? ''])[0] ?? 'fcose';
  const date = (value: string | null) => (value && DATE.test(value) ? value : null);
  const filters: CanvasFilters = {
    ...NO_FILTERS,
    hiddenKinds: oneOf<EntityKind>(ENTITY_KINDS, list(params.get('hideKinds'))),
    hiddenTypes: oneOf<RelationshipType>(RELATIONSHIP_TYPES, list(params.get('hideTypes'))),
    dateFrom: date(params.get('from')),
    dateTo: date(params.get('to')),
  };
  return { nodeIds, edgeIds: list(params.get('e')), pinned, layout, filters };
}
