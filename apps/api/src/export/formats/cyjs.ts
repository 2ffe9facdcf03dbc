import { toJsonValue } from '../property-types.ts';
import { allNodes, describeScope, isSynthetic, nameOf, type Properties, type Subgraph } from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';
import { jsonArray } from './graph-json.ts';

/** Keys Cytoscape gives a meaning to; a property of that name is kept as `property_<key>`. */
const RESERVED = new Set(['id', 'source', 'target', 'parent', 'name', 'kind', 'interaction', 'type']);

function data(properties: Properties, fixed: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fixed };
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id' || key === 'name') continue;
    out[RESERVED.has(key) ? `property_${key}` : key] = toJsonValue(value);
  }
  return out;
}

/**
 * Cytoscape JSON (Cytoscape desktop's .cyjs and cy.json() in Cytoscape.js): every entity a node
 * (cited sources too, kind "Source"), every relationship an edge whose `interaction` is its type.
 */
export const cyjsFormat: ExportFormatWriter = {
  extension: 'cyjs',
  contentType: 'application/json; charset=utf-8',
  *write(graph: Subgraph) {
    const header = {
      format_version: '1.0',
      generated_by: 'supply-chain-explorer',
      target_cytoscapejs_version: '~3.0',
      data: {
        name: `Subgraph of ${describeScope(graph.scope)}`,
        exportedAt: graph.scope.exportedAt.toISOString(),
        synthetic: isSynthetic(graph),
      },
    };
    const json = JSON.stringify(header);
    yield `${json.slice(0, -1)},\n"elements": {\n  "nodes": `;
    yield* jsonArray(allNodes(graph), (n) => ({
      data: data(n.properties, { id: n.id, name: nameOf(n), kind: n.kind }),
    }));
    yield ',\n  "edges": ';
    yield* jsonArray(graph.edges, (e) => ({
      data: data(e.properties, { id: e.id, source: e.source, target: e.target, interaction: e.type, type: e.type }),
    }));
    yield '\n}}\n';
  },
};
