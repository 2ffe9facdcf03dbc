import type { EntityKind, RelationshipType } from '@explorer/model';

/**
 * A property value as Neo4j holds it, kept typed so that a round trip restores the same types:
 * `number` is a Neo4j Float, `bigint` a Neo4j Integer. Temporal and spatial values (the model stores
 * none) arrive as their string form.
 */
export type Scalar = string | number | bigint | boolean;
export type PropertyValue = Scalar | string[] | number[] | bigint[] | boolean[];
export type Properties = Record<string, PropertyValue>;

/** An entity: its kind label (next to `Entity`) and every property, `id` and `name` included. */
export interface SubgraphNode {
  id: string;
  kind: EntityKind;
  properties: Properties;
}

/** A relationship between entity ids, with every property, `id` included. */
export interface SubgraphEdge {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Properties;
}

/** What was asked for, for file names and headers. */
export interface ExportScope {
  /** The asked ids, or for a console query every entity its result holds. */
  nodeIds: string[];
  hops: number;
  exportedAt: Date;
  /** The console query whose result this is, when the export was asked by query. */
  query?: string;
}

/**
 * What an export writes: the entities and the relationships among them, and the Source entities
 * cited by any of them that are not already among the nodes. Nothing else of the database.
 */
export interface Subgraph {
  scope: ExportScope;
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  sources: SubgraphNode[];
  /** Cited source ids that the database does not hold. */
  missingSourceIds: string[];
}

/** Nodes and cited sources together: every entity the file holds. */
export function allNodes(graph: Subgraph): SubgraphNode[] {
  return [...graph.nodes, ...graph.sources];
}

/** A node's display name. */
export function nameOf(node: SubgraphNode): string {
  const name = node.properties['name'];
  return typeof name === 'string' ? name : node.id;
}

/** Lookups a writer needs per element, built once per subgraph (per element they made exports quadratic). */
export interface SubgraphIndex {
  /** Display names of every node and Source. */
  nameById: ReadonlyMap<string, string>;
  /** Relationships by the id of the entity they start at. */
  edgesFrom: ReadonlyMap<string, readonly SubgraphEdge[]>;
}

const indexes = new WeakMap<Subgraph, SubgraphIndex>();

export function indexOf(graph: Subgraph): SubgraphIndex {
  let index = indexes.get(graph);
  if (!index) {
    const edgesFrom = new Map<string, SubgraphEdge[]>();
    for (const edge of graph.edges) {
      const list = edgesFrom.get(edge.source);
      if (list) list.push(edge);
      else edgesFrom.set(edge.source, [edge]);
    }
    index = { nameById: new Map(allNodes(graph).map((n) => [n.id, nameOf(n)])), edgesFrom };
    indexes.set(graph, index);
  }
  return index;
}

/** The ids a node or edge cites in `sourceIds`. */
export function citedIds(properties: Properties): string[] {
  const ids = properties['sourceIds'];
  return Array.isArray(ids) ? ids.map(String) : [];
}

/** What was exported, in words: "hikvision, seagate, 1 hop(s)" or "the result of the query …". */
export function describeScope(scope: ExportScope): string {
  if (scope.query !== undefined) return `the result of the console query ${scope.query}`;
  return `${scope.nodeIds.join(', ')}, ${scope.hops} hop(s)`;
}

export function isSynthetic(graph: Subgraph): boolean {
  return allNodes(graph).some((n) => n.properties['synthetic'] === true);
}

/** Property keys in a stable order: id and name first, then alphabetical. */
export function propertyKeys(properties: Properties): string[] {
  const first = ['id', 'name'].filter((k) => k in properties);
  return [
    ...first,
    ...Object.keys(properties)
      .filter((k) => !first.includes(k))
      .sort(),
  ];
}
