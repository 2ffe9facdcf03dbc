import type { GraphEdge, GraphNode, JsonValue } from '@explorer/model';
import type { CanvasFilters, CanvasState } from './canvasState.ts';

const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value ? value : null);

/** The period an element is about: a procurement's date or period, a relationship's from/to. */
function period(properties: Record<string, JsonValue>): { start: string | null; end: string | null } {
  const start = text(properties['from']) ?? text(properties['date']) ?? text(properties['periodStart']);
  const end = text(properties['to']) ?? text(properties['date']) ?? text(properties['periodEnd']) ?? start;
  return { start, end };
}

/**
 * Whether a dated element overlaps the filter's range. Partial dates compare as text: "2019" ends
 * after every "2019-…" day ("~" sorts after digits and "-"), and undated elements always show.
 */
export function inDateRange(properties: Record<string, JsonValue>, filters: CanvasFilters): boolean {
  const { start, end } = period(properties);
  if (filters.dateFrom && end && `${end}~` < filters.dateFrom) return false;
  if (filters.dateTo && start && start > `${filters.dateTo}~`) return false;
  return true;
}

/** What the canvas draws: the elements the filters let through, edges only between drawn nodes. */
export function visibleElements(state: CanvasState): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const { filters } = state;
  const nodes = Object.values(state.nodes).filter(
    (n) => !filters.hiddenKinds.includes(n.kind) && inDateRange(n.properties, filters),
  );
  const shown = new Set(nodes.map((n) => n.id));
  const edges = Object.values(state.edges).filter(
    (e) =>
      shown.has(e.source) &&
      shown.has(e.target) &&
      !filters.hiddenTypes.includes(e.type) &&
      inDateRange(e.properties, filters),
  );
  return { nodes, edges };
}
