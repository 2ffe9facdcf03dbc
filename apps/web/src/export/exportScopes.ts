import type { GraphEdge, GraphNode } from '@explorer/model';
import type { CanvasState } from '../explorer/state/canvasState.ts';
import type { ExportScope } from './ExportDialog.tsx';

/** Relationships of `edges` with both ends among `ids`. */
const among = (edges: readonly GraphEdge[], ids: readonly string[]) => {
  const set = new Set(ids);
  return edges.filter((e) => set.has(e.source) && set.has(e.target)).length;
};

/**
 * What the explorer offers to export: the canvas as shown (filters applied), the selected entities,
 * and the highlighted paths when there are some.
 */
export function exportScopes(
  canvas: CanvasState,
  shownNodes: readonly GraphNode[],
  shownEdges: readonly GraphEdge[],
  selectedNodeIds: readonly string[],
): ExportScope[] {
  const shownIds = shownNodes.map((n) => n.id);
  const scopes: ExportScope[] = [
    { kind: 'ids', label: 'The canvas as shown', nodeIds: shownIds, relationships: shownEdges.length },
  ];
  if (selectedNodeIds.length > 0) {
    scopes.push({
      kind: 'ids',
      label: `The selection (${selectedNodeIds.length} entities)`,
      nodeIds: [...selectedNodeIds],
      relationships: among(shownEdges, selectedNodeIds),
    });
  }
  const pathIds = canvas.highlight.nodeIds.filter((id) => canvas.nodes[id]);
  if (pathIds.length > 0) {
    scopes.push({ kind: 'ids', label: 'The found paths', nodeIds: pathIds, relationships: among(shownEdges, pathIds) });
  }
  return scopes;
}
