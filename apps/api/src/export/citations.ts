import { RELATIONSHIP_RULES } from '@explorer/model';
import { allNodes, citedIds, nameOf, type Subgraph, type SubgraphNode } from './subgraph.ts';

/** One exported fact a source supports, as a sentence a reader can check. */
export interface CitedFact {
  kind: 'relationship' | 'entity';
  id: string;
  sentence: string;
}

/** A source cited by the exported facts (null `source`: cited but not in the database). */
export interface Citation {
  id: string;
  source: SubgraphNode | null;
  facts: CitedFact[];
}

function period(from: unknown, to: unknown): string {
  const f = typeof from === 'string' ? from : null;
  const t = typeof to === 'string' ? to : null;
  if (f && t) return ` (${f} – ${t})`;
  if (f) return ` (from ${f})`;
  if (t) return ` (until ${t})`;
  return '';
}

/** Every source the exported entities and relationships cite, with the facts each one supports. */
export function citations(graph: Subgraph): Citation[] {
  const nodes = allNodes(graph);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const facts = new Map<string, CitedFact[]>();
  const cite = (sourceIds: string[], fact: CitedFact) => {
    for (const id of sourceIds) facts.set(id, [...(facts.get(id) ?? []), fact]);
  };
  for (const node of nodes) {
    cite(citedIds(node.properties), {
      kind: 'entity',
      id: node.id,
      sentence: `${nameOf(node)} (${node.kind}): its names, aliases and description`,
    });
  }
  for (const edge of graph.edges) {
    const start = byId.get(edge.source);
    const end = byId.get(edge.target);
    const sentence =
      `${start ? nameOf(start) : edge.source} ${RELATIONSHIP_RULES[edge.type].reads} ${end ? nameOf(end) : edge.target}` +
      period(edge.properties['from'], edge.properties['to']);
    cite(citedIds(edge.properties), { kind: 'relationship', id: edge.id, sentence });
  }
  return [...facts.keys()]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((id) => {
      const source = byId.get(id);
      return { id, source: source?.kind === 'Source' ? source : null, facts: facts.get(id) ?? [] };
    });
}
