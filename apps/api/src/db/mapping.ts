import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import {
  ENTITY_KINDS,
  RelationshipTypeSchema,
  type EntityKind,
  type Flags,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type JsonValue,
  type Listing,
} from '@explorer/model';

/**
 * The one place where Neo4j values become the API's JSON.
 * Integers: numbers when they fit in a double exactly, else decimal strings (lossless).
 * Temporal and spatial values: their ISO / WKT-like string form.
 */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return String(value);
}

/** A Neo4j count or integer as a JS number. */
export function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

/** The entity kind of a node: the one of its labels that the model knows. */
export function kindOf(node: Node): EntityKind {
  const kind = node.labels.find((label): label is EntityKind => (ENTITY_KINDS as readonly string[]).includes(label));
  if (!kind) throw new Error(`Node ${node.elementId} has no entity kind label`);
  return kind;
}

/** Shape of a listing as the queries return it (see LISTINGS in queries.ts). */
interface RawListing {
  listId: unknown;
  listName: unknown;
  date: unknown;
  citation: unknown;
  sourceIds: unknown;
}

function toListing(raw: RawListing): Listing {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    listId: String(raw.listId),
    listName: String(raw.listName),
    date: text(raw.date),
    citation: text(raw.citation),
    sourceIds: Array.isArray(raw.sourceIds) ? raw.sourceIds.map(String) : [],
  };
}

export function toFlags(node: Node, listings: readonly RawListing[] = []): Flags {
  return {
    synthetic: node.properties['synthetic'] === true,
    group: node.properties['group'] === true,
    listings: listings.map(toListing).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')),
  };
}

export function toGraphNode(node: Node, listings: readonly RawListing[] = []): GraphNode {
  const { id, name, ...rest } = node.properties as Record<string, unknown>;
  return {
    id: String(id),
    kind: kindOf(node),
    name: String(name),
    properties: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJson(v)])),
    flags: toFlags(node, listings),
  };
}

/**
 * A relationship as an edge between entity ids. Neo4j only gives element ids for its ends, so the
 * caller passes the map from element id to entity id built from the nodes of the same result.
 */
export function toGraphEdge(rel: Relationship, entityIdByElementId: ReadonlyMap<string, string>): GraphEdge {
  const { id, ...rest } = rel.properties as Record<string, unknown>;
  const source = entityIdByElementId.get(rel.startNodeElementId);
  const target = entityIdByElementId.get(rel.endNodeElementId);
  if (source === undefined || target === undefined) {
    throw new Error(`Relationship ${String(id)} has an end outside the result`);
  }
  return {
    id: String(id),
    type: RelationshipTypeSchema.parse(rel.type),
    source,
    target,
    properties: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJson(v)])),
  };
}

/** Nodes (each with its listings) and relationships → graph JSON, without duplicates. */
export function toGraph(
  nodes: ReadonlyArray<{ node: Node; listings: readonly RawListing[] }>,
  relationships: readonly Relationship[],
): Graph {
  const byElementId = new Map<string, GraphNode>();
  const idByElementId = new Map<string, string>();
  for (const { node, listings } of nodes) {
    if (!byElementId.has(node.elementId)) {
      const graphNode = toGraphNode(node, listings);
      byElementId.set(node.elementId, graphNode);
      idByElementId.set(node.elementId, graphNode.id);
    }
  }
  const edges = new Map<string, GraphEdge>();
  for (const rel of relationships) {
    if (!edges.has(rel.elementId)) edges.set(rel.elementId, toGraphEdge(rel, idByElementId));
  }
  return { nodes: [...byElementId.values()], edges: [...edges.values()] };
}

export type { RawListing };

// ---- Console rows: any value a query returns, graph values included (README: Console) ----

/** The entity id of a node when it has one, else its element id (the console may meet any node). */
function nodeKey(node: Node): string {
  const id = node.properties['id'];
  return typeof id === 'string' ? id : node.elementId;
}

function nodeRow(node: Node): JsonValue {
  return {
    _type: 'node',
    id: nodeKey(node),
    elementId: node.elementId,
    labels: [...node.labels],
    properties: toRowJson(node.properties),
  };
}

function relationshipRow(rel: Relationship): JsonValue {
  return {
    _type: 'relationship',
    id: typeof rel.properties['id'] === 'string' ? rel.properties['id'] : rel.elementId,
    elementId: rel.elementId,
    type: rel.type,
    startElementId: rel.startNodeElementId,
    endElementId: rel.endNodeElementId,
    properties: toRowJson(rel.properties),
  };
}

/**
 * Any Neo4j value as plain JSON, losslessly: integers as numbers when exact, else decimal strings;
 * NaN and ±Infinity as strings; temporal values as ISO 8601 strings; points as {srid, x, y[, z]};
 * byte arrays as base64; nodes, relationships and paths as objects tagged by `_type`.
 */
export function toRowJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (neo4j.isNode(value)) return nodeRow(value);
  if (neo4j.isRelationship(value)) return relationshipRow(value);
  if (neo4j.isPath(value)) {
    return {
      _type: 'path',
      nodes: [value.start, ...value.segments.map((s) => s.end)].map(nodeRow),
      relationships: value.segments.map((s) => relationshipRow(s.relationship)),
    };
  }
  if (neo4j.isPoint(value)) {
    const point: Record<string, JsonValue> = { srid: toNumber(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point['z'] = value.z;
    return point;
  }
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (Array.isArray(value)) return value.map(toRowJson);
  if (typeof value === 'object' && !neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRowJson(v)]));
  }
  return toJson(value);
}

/** Every node and relationship anywhere in a value (inside lists, maps and paths), by element id. */
export function collectGraphValues(
  value: unknown,
  into: { nodes: Map<string, Node>; relationships: Map<string, Relationship> },
): void {
  if (neo4j.isNode(value)) {
    into.nodes.set(value.elementId, value);
  } else if (neo4j.isRelationship(value)) {
    into.relationships.set(value.elementId, value);
  } else if (neo4j.isPath(value)) {
    const path: Path = value;
    into.nodes.set(path.start.elementId, path.start);
    for (const segment of path.segments) {
      into.nodes.set(segment.end.elementId, segment.end);
      into.relationships.set(segment.relationship.elementId, segment.relationship);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collectGraphValues(item, into);
  } else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) collectGraphValues(item, into);
  }
}
