import {
  ENTITY_KINDS,
  EXPORT_LIMITS,
  RELATIONSHIP_TYPES,
  RelationshipTypeSchema,
  type EntityKind,
} from '@explorer/model';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { UnknownEntityError } from '../db/graph-repository.ts';
import type { QueryRunner } from '../db/runner.ts';
import * as Q from './queries.ts';
import {
  citedIds,
  type ExportScope,
  type PropertyValue,
  type Properties,
  type Subgraph,
  type SubgraphNode,
} from './subgraph.ts';

/** The subgraph would exceed EXPORT_LIMITS.nodesMax: refused, never cut silently. */
export class ExportTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The subgraph has more than ${limit} entities; name fewer ids or fewer hops.`);
    this.name = 'ExportTooLargeError';
  }
}

/** A Neo4j property value, typed (see PropertyValue); temporal and spatial values as text. */
function toValue(value: unknown): PropertyValue {
  if (neo4j.isInt(value)) return BigInt(value.toString());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value;
  if (Array.isArray(value)) {
    const items = value.map(toValue);
    return items as string[] | number[] | bigint[] | boolean[];
  }
  return String(value);
}

function toProperties(raw: Record<string, unknown>): Properties {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toValue(v)]));
}

function toNode(node: Node): SubgraphNode {
  const kind = node.labels.find((l): l is EntityKind => (ENTITY_KINDS as readonly string[]).includes(l));
  if (!kind) throw new Error('An entity has no kind label');
  const properties = toProperties(node.properties as Record<string, unknown>);
  return { id: String(properties['id']), kind, properties };
}

/**
 * Breadth first from the asked ids, nearest first; refuses a result over the node cap. Takes anything
 * that reads like QueryRunner (the benchmark passes its bare-driver reader).
 */
export async function expand(runner: Pick<QueryRunner, 'read'>, start: string[], hops: number): Promise<string[]> {
  const visited = new Set(start);
  let frontier = start;
  for (let hop = 1; hop <= hops && frontier.length > 0; hop++) {
    const room = EXPORT_LIMITS.nodesMax - visited.size;
    const records = await runner.read(Q.EXPAND_STEP, {
      frontier,
      types: RELATIONSHIP_TYPES,
      visited: [...visited],
      limit: neo4j.int(room + 1),
    });
    frontier = records.map((r) => String(r.get('id')));
    if (frontier.length > room) throw new ExportTooLargeError(EXPORT_LIMITS.nodesMax);
    for (const id of frontier) visited.add(id);
  }
  return [...visited];
}

/**
 * The entities `ids`, the relationships among them (all of them, or only `relationshipIds` when a
 * query's result names them), and the Source entities they cite: what an export writes.
 */
export async function readEntities(
  runner: QueryRunner,
  ids: string[],
  relationshipIds: string[] | null,
  scope: ExportScope,
): Promise<Subgraph> {
  const nodes = (await runner.read(Q.NODES, { ids })).map((r) => toNode(r.get('n') as Node));
  const found = new Set(nodes.map((n) => n.id));
  const edgeRecords =
    relationshipIds === null
      ? await runner.read(Q.EDGES, { ids, types: RELATIONSHIP_TYPES })
      : await runner.read(Q.EDGES_BY_ID, { ids, relationshipIds, types: RELATIONSHIP_TYPES });
  const edges = edgeRecords.map((r) => {
    const rel = r.get('r') as Relationship;
    const properties = toProperties(rel.properties as Record<string, unknown>);
    return {
      id: String(properties['id']),
      type: RelationshipTypeSchema.parse(rel.type),
      source: String(r.get('source')),
      target: String(r.get('target')),
      properties,
    };
  });

  const cited = new Set([...nodes, ...edges].flatMap((x) => citedIds(x.properties)));
  const wanted = [...cited].filter((id) => !found.has(id)).sort();
  const sources = (await runner.read(Q.SOURCES, { ids: wanted })).map((r) => toNode(r.get('n') as Node));
  const held = new Set([...found, ...sources.map((s) => s.id)]);
  return {
    scope,
    nodes,
    edges,
    sources,
    missingSourceIds: [...cited].filter((id) => !held.has(id)).sort(),
  };
}

/**
 * Reads the subgraph an export of ids writes: the asked entities (404 for the first unknown one)
 * expanded by `hops`, the relationships among them, and the sources they cite.
 */
export async function readSubgraph(
  runner: QueryRunner,
  request: { nodeIds: string[]; hops: number },
  exportedAt = new Date(),
): Promise<Subgraph> {
  const asked = [...new Set(request.nodeIds)];
  const ids = await expand(runner, asked, request.hops);
  const graph = await readEntities(runner, ids, null, { nodeIds: asked, hops: request.hops, exportedAt });
  const found = new Set(graph.nodes.map((n) => n.id));
  const missing = asked.find((id) => !found.has(id));
  if (missing !== undefined) throw new UnknownEntityError(missing, 'nodeIds');
  return graph;
}
