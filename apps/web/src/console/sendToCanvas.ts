import { CONNECT_IDS_MAX, IdSchema, type Graph } from '@explorer/model';
import { decodeCanvasLink, encodeCanvasLink, type CanvasLink } from '../explorer/state/canvasUrl.ts';
import { NO_FILTERS } from '../explorer/state/canvasState.ts';
export { readSavedCanvas } from '../explorer/state/useCanvasPersistence.ts';

const EMPTY_LINK: CanvasLink = { nodeIds: [], edgeIds: [], pinned: {}, layout: 'fcose', filters: NO_FILTERS };

/** Only entity ids can go into a canvas link (and be fetched again when it opens). */
const isEntityId = (id: string) => IdSchema.safeParse(id).success;

export type CanvasMerge = { ok: true; search: string; added: number } | { ok: false; reason: string };

/**
 * The explorer's saved canvas (a link query, as useCanvasPersistence keeps it) with a console result
 * added: its entities and the relationships between entities of the merged canvas. Pins, layout and
 * filters of the canvas stay as they were. Nodes without an entity id are left out.
 */
export function mergeResultIntoCanvas(savedCanvas: string, graph: Graph): CanvasMerge {
  const entities = graph.nodes.filter((node) => isEntityId(node.id));
  if (entities.length === 0) return { ok: false, reason: 'The result holds no entities to put on the canvas.' };

  const canvas = decodeCanvasLink(savedCanvas) ?? EMPTY_LINK;
  const nodeIds = [...new Set([...canvas.nodeIds, ...entities.map((n) => n.id)])];
  if (nodeIds.length > CONNECT_IDS_MAX) {
    return {
      ok: false,
      reason: `The canvas would hold ${nodeIds.length} entities; it holds at most ${CONNECT_IDS_MAX}. Narrow the query.`,
    };
  }
  const onCanvas = new Set(nodeIds);
  const edges = graph.edges.filter((e) => isEntityId(e.id) && onCanvas.has(e.source) && onCanvas.has(e.target));
  const edgeIds = [...new Set([...canvas.edgeIds, ...edges.map((e) => e.id)])];
  return {
    ok: true,
    search: encodeCanvasLink({ ...canvas, nodeIds, edgeIds }),
    added: nodeIds.length - canvas.nodeIds.length,
  };
}

/** Opens the explorer page on a canvas link, as the app's own navigation does (history, no reload). */
export function openExplorer(search: string): void {
  window.history.pushState(null, '', `/#${search}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
