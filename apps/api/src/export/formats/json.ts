import { isSynthetic, type Subgraph } from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';
import { jsonArray, toGraphEdge, toGraphNode } from './graph-json.ts';

/**
 * The project's graph JSON ({ nodes, edges } as the API answers) plus `sources`: the Source
 * entities the exported facts cite, and `meta` saying what was exported and when.
 */
export const jsonFormat: ExportFormatWriter = {
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  *write(graph: Subgraph) {
    const meta = {
      generator: 'supply-chain-explorer',
      exportedAt: graph.scope.exportedAt.toISOString(),
      nodeIds: graph.scope.nodeIds,
      hops: graph.scope.hops,
      ...(graph.scope.query === undefined ? {} : { query: graph.scope.query }),
      synthetic: isSynthetic(graph),
      missingSourceIds: graph.missingSourceIds,
    };
    yield `{\n  "meta": ${JSON.stringify(meta)},\n  "nodes": `;
    yield* jsonArray(graph.nodes, (n) => toGraphNode(n, graph));
    yield ',\n  "edges": ';
    yield* jsonArray(graph.edges, toGraphEdge);
    yield ',\n  "sources": ';
    yield* jsonArray(graph.sources, (n) => toGraphNode(n, graph));
    yield '\n}\n';
  },
};
