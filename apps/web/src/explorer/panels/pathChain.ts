import type { Graph, GraphEdge, GraphNode } from '@explorer/model';

/** One step of a path: the entity reached, and the relationship that led there (with its direction). */
export interface ChainStep {
  node: GraphNode;
  via: { edge: GraphEdge; forward: boolean } | null;
}

/** A path graph as the walk from `fromId`: the API's node list is a set, the edges give the order. */
export function pathChain(path: Graph, fromId: string): ChainStep[] {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const start = byId.get(fromId);
  if (!start) return [];
  const steps: ChainStep[] = [{ node: start, via: null }];
  const used = new Set<string>();
  let current = fromId;
  for (;;) {
    const edge = path.edges.find((e) => !used.has(e.id) && (e.source === current || e.target === current));
    if (!edge) break;
    used.add(edge.id);
    const forward = edge.source === current;
    const next = byId.get(forward ? edge.target : edge.source);
    if (!next) break;
    steps.push({ node: next, via: { edge, forward } });
    current = next.id;
  }
  return steps;
}

/** The chain as plain text: "Seagate → Seagate hard disk drives → … → Public security entities in Xinjiang". */
export const chainText = (steps: readonly ChainStep[]) => steps.map((s) => s.node.name).join(' → ');
