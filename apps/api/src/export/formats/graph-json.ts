import type { GraphEdge, GraphNode, JsonValue, Listing } from '@explorer/model';
import { toJsonValue } from '../property-types.ts';
import { indexOf, nameOf, type Properties, type Subgraph, type SubgraphEdge, type SubgraphNode } from '../subgraph.ts';

function jsonProperties(properties: Properties, omit: readonly string[]): Record<string, JsonValue> {
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([k]) => !omit.includes(k))
      .map(([k, v]) => [k, toJsonValue(v)]),
  );
}

/**
 * Listings from the LISTED_ON relationships inside the subgraph only: a listing the export does not
 * hold (with its sources) is not mentioned, so nothing outside the subgraph leaks through flags.
 */
function listingsOf(node: SubgraphNode, graph: Subgraph): Listing[] {
  const { nameById: names, edgesFrom } = indexOf(graph);
  return (edgesFrom.get(node.id) ?? [])
    .filter((e) => e.type === 'LISTED_ON')
    .map((e) => ({
      listId: e.target,
      listName: names.get(e.target) ?? e.target,
      date: typeof e.properties['from'] === 'string' ? e.properties['from'] : null,
      citation: typeof e.properties['citation'] === 'string' ? e.properties['citation'] : null,
      sourceIds: Array.isArray(e.properties['sourceIds']) ? e.properties['sourceIds'].map(String) : [],
    }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** A node as the API's graph JSON shows it. */
export function toGraphNode(node: SubgraphNode, graph: Subgraph): GraphNode {
  return {
    id: node.id,
    kind: node.kind,
    name: nameOf(node),
    properties: jsonProperties(node.properties, ['id', 'name']),
    flags: {
      synthetic: node.properties['synthetic'] === true,
      group: node.properties['group'] === true,
      listings: listingsOf(node, graph),
    },
  };
}

export function toGraphEdge(edge: SubgraphEdge): GraphEdge {
  return {
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    properties: jsonProperties(edge.properties, ['id']),
  };
}

/** A JSON array written one element per chunk. */
export function* jsonArray<T>(items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  yield '[';
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '\n    ' : ',\n    '}${JSON.stringify(toJson(items[i] as T))}`;
  }
  yield items.length === 0 ? ']' : '\n  ]';
}
