import { ENTITY_KINDS, type Graph, type GraphEdge, type GraphNode } from '@explorer/model';

/** A small deterministic PRNG (mulberry32): the same seed gives the same graph on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An invented graph of `nodes` entities and `edges` relationships for measuring the canvas: every
 * element is flagged synthetic. Edges prefer low-numbered nodes (a few hubs, many leaves), as real
 * procurement graphs do, which is also the harder case for a force-directed layout.
 */
export function syntheticCanvasGraph(nodeCount: number, edgeCount: number, seed = 42): Graph {
  const next = random(seed);
  const nodes: GraphNode[] = Array.from({ length: nodeCount }, (_, i) => ({
    id: `bench-${i}`,
    kind: ENTITY_KINDS[i % ENTITY_KINDS.length] ?? 'Company',
    name: `Synthetic entity ${i} Technology Co., Ltd.`,
    properties: { synthetic: true },
    flags: { synthetic: true, group: false, listings: [] },
  }));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    // Squaring a uniform draw skews it towards 0: low ids become hubs.
    const source = Math.floor(next() ** 2 * nodeCount);
    const target = Math.floor(next() * nodeCount);
    const key = `${source}>${target}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    edges.push({
      id: `bench-r${edges.length}`,
      type: 'SUPPLIED',
      source: `bench-${source}`,
      target: `bench-${target}`,
      properties: { sourceIds: ['bench-source'], synthetic: true, from: String(2015 + (edges.length % 8)) },
    });
  }
  return { nodes, edges };
}
