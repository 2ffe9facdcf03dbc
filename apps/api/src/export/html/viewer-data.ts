import { KIND_STYLE, type GraphEdge, type GraphNode } from '@explorer/model';
import { toGraphEdge, toGraphNode } from '../formats/graph-json.ts';
import { describeScope, isSynthetic, type Subgraph } from '../subgraph.ts';

/** Everything the HTML viewer shows, as one JSON value embedded in the file. */
export interface ViewerData {
  title: string;
  what: string;
  exportedAt: string;
  synthetic: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Cited Source entities that are not drawn as nodes. */
  sources: GraphNode[];
  missingSourceIds: string[];
  kinds: typeof KIND_STYLE;
}

export function viewerData(graph: Subgraph): ViewerData {
  return {
    title: 'Supply-chain explorer export',
    what: describeScope(graph.scope),
    exportedAt: graph.scope.exportedAt.toISOString(),
    synthetic: isSynthetic(graph),
    nodes: graph.nodes.map((n) => toGraphNode(n, graph)),
    edges: graph.edges.map(toGraphEdge),
    sources: graph.sources.map((n) => toGraphNode(n, graph)),
    missingSourceIds: graph.missingSourceIds,
    kinds: KIND_STYLE,
  };
}
