import {
  HUB_RELATIONSHIP_TYPES,
  LIMITS,
  RELATIONSHIP_TYPES,
  NON_FLOWING_STATUSES,
  TRACE_FLOW,
  traceTypes,
  type TraceResponse,
  type EntityKind,
  type EntityResponse,
  type Graph,
  type NeighborsQuery,
  type NeighborsResponse,
  type PathsQuery,
  type RelationshipType,
  type SchemaResponse,
  type SearchQuery,
  type SearchResult,
  type TraceQuery,
} from '@explorer/model';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { searchLookups } from '../search/lucene.ts';
import { rankSearchResults } from '../search/ranking.ts';
import { toGraph, toGraphNode, toNumber, type RawListing } from './mapping.ts';
import * as Q from './queries.ts';
import type { QueryRunner } from './runner.ts';

/** An id the request named that is not in the graph. */
export class UnknownEntityError extends Error {
  constructor(
    readonly id: string,
    readonly field: string,
  ) {
    super(`No entity with id "${id}"`);
    this.name = 'UnknownEntityError';
  }
}

type Entry = { node: Node; listings: RawListing[] };

/** Reads of the graph the API offers, each returning the contract's JSON. */
export class GraphRepository {
  constructor(private readonly runner: QueryRunner) {}

  async health(): Promise<void> {
    await this.runner.ping(3_000);
  }

  async schemaCounts(): Promise<SchemaResponse> {
    const records = await this.runner.read(Q.SCHEMA_COUNTS);
    const entityKinds: SchemaResponse['entityKinds'] = [];
    const relationshipTypes: SchemaResponse['relationshipTypes'] = [];
    for (const r of records) {
      const name = String(r.get('name'));
      const count = toNumber(r.get('count'));
      if (r.get('what') === 'kind') entityKinds.push({ kind: name as EntityKind, count });
      else relationshipTypes.push({ type: name as RelationshipType, count });
    }
    return { entityKinds, relationshipTypes };
  }

  /** Full-text search over names and aliases: Latin (fuzzy, prefix) and CJK (bigram) indexes merged. */
  async search(query: SearchQuery): Promise<SearchResult[]> {
    const kinds = query.kinds && query.kinds.length > 0 ? query.kinds : null;
    const best = new Map<string, SearchResult>();
    for (const lookup of searchLookups(query.q)) {
      if (lookup.onlyIfFewer && best.size >= query.limit) continue;
      const records = await this.runner.read(Q.SEARCH, {
        index: lookup.index,
        query: lookup.query,
        kinds,
        // Fetch more than asked, since the kind filter applies after the index lookup.
        fetch: neo4j.int(kinds ? query.limit * 10 : query.limit * 2),
        limit: neo4j.int(query.limit),
      });
      for (const r of records) {
        const node = toGraphNode(r.get('n') as Node, r.get('listings') as RawListing[]);
        const score = Number(r.get('score'));
        const previous = best.get(node.id);
        if (!previous || previous.score < score) {
          best.set(node.id, {
            id: node.id,
            kind: node.kind,
            name: node.name,
            aliases: Array.isArray(node.properties['aliases']) ? node.properties['aliases'].map(String) : [],
            country: typeof node.properties['country'] === 'string' ? node.properties['country'] : null,
            score,
            flags: node.flags,
          });
        }
      }
    }
    return rankSearchResults(query.q, [...best.values()], query.limit);
  }

  async entity(id: string): Promise<EntityResponse> {
    // Three reads at once, not the entity first: an unknown id is rare, and waiting cost every request a round trip.
    const [[entity], sources, counts] = await Promise.all([
      this.runner.read(Q.ENTITY, { id }),
      this.runner.read(Q.ENTITY_SOURCES, {
        id,
        relationshipsMax: neo4j.int(LIMITS.entitySourceRelationshipsMax),
        // One more than shown: its presence says the list was cut.
        sourcesLimit: neo4j.int(LIMITS.entitySourcesMax + 1),
      }),
      this.runner.read(Q.ENTITY_RELATIONSHIP_COUNTS, { id }),
    ]);
    if (!entity) throw new UnknownEntityError(id, 'id');
    const relationshipCounts = counts.map((r) => ({
      type: r.get('type') as RelationshipType,
      direction: r.get('direction') as 'out' | 'in',
      count: toNumber(r.get('count')),
    }));
    const degree = relationshipCounts.reduce((sum, c) => sum + c.count, 0);
    return {
      entity: toGraphNode(entity.get('n') as Node, entity.get('listings') as RawListing[]),
      sources: sources.slice(0, LIMITS.entitySourcesMax).map((r) => toGraphNode(r.get('n') as Node)),
      sourcesTruncated: sources.length > LIMITS.entitySourcesMax || degree > LIMITS.entitySourceRelationshipsMax,
      relationshipCounts,
    };
  }

  /** Throws UnknownEntityError for the first id (by field) that is not in the graph. */
  async requireEntities(ids: Array<{ id: string; field: string }>): Promise<void> {
    const records = await this.runner.read(Q.ENTITIES_EXIST, { ids: ids.map((i) => i.id) });
    const missing = new Set(records.filter((r) => r.get('exists') !== true).map((r) => String(r.get('id'))));
    const first = ids.find((i) => missing.has(i.id));
    if (first) throw new UnknownEntityError(first.id, first.field);
  }

  /** One page of the neighbourhood; the cursor is the number of relationships before the page. */
  async neighbors(id: string, query: NeighborsQuery): Promise<NeighborsResponse> {
    const skip = query.cursor === undefined ? 0 : Number(query.cursor);
    const [record] = await this.runner.read(Q.neighbors(query.types, query.direction), {
      id,
      skip: neo4j.int(skip),
      limit: neo4j.int(query.limit),
    });
    if (!record) throw new UnknownEntityError(id, 'id');
    const graph = toGraph(record.get('entries') as Entry[], record.get('rels') as Relationship[]);
    const more = record.get('more') === true;
    return { ...graph, truncated: more || skip > 0, nextCursor: more ? String(skip + query.limit) : null };
  }

  async paths(query: PathsQuery): Promise<Graph[]> {
    await this.requireEntities([
      { id: query.from, field: 'from' },
      { id: query.to, field: 'to' },
    ]);
    // Without an explicit list, skip hub types: a path through the Entity List node says nothing.
    const types =
      query.types && query.types.length > 0
        ? query.types
        : RELATIONSHIP_TYPES.filter((t) => !HUB_RELATIONSHIP_TYPES.includes(t));
    const records = await this.runner.read(Q.paths({ types, maxHops: query.maxHops, mode: query.mode, k: query.k }), {
      from: query.from,
      to: query.to,
      maxPaths: neo4j.int(query.mode === 'k' ? query.k : LIMITS.pathKMax * 5),
    });
    return records.map((r) => toGraph(r.get('entries') as Entry[], r.get('rels') as Relationship[]));
  }

  /**
   * Breadth first from the start along the model's flow directions, one query per hop, each entity
   * once, at most LIMITS.traceNodesMax entities: nearest first when the cap cuts the trace short.
   */
  async trace(query: TraceQuery): Promise<TraceResponse> {
    await this.requireEntities([{ id: query.from, field: 'from' }]);
    const { outgoing, incoming } = traceTypes(query.direction);
    const depth = new Map<string, number>([[query.from, 0]]);
    let frontier = [query.from];
    let truncated = false;
    for (let hop = 1; hop <= query.maxHops && frontier.length > 0 && !truncated; hop++) {
      const room = LIMITS.traceNodesMax - depth.size;
      const records = await this.runner.read(Q.TRACE_STEP, {
        frontier,
        outgoing,
        incoming,
        nonFlowingStatuses: NON_FLOWING_STATUSES,
        visited: [...depth.keys()],
        limit: neo4j.int(room + 1),
      });
      const next = records.map((r) => String(r.get('id')));
      truncated = next.length > room;
      frontier = next.slice(0, room);
      for (const id of frontier) depth.set(id, hop);
    }
    const [record] = await this.runner.read(Q.TRACE_RESULT, {
      ids: [...depth.keys()],
      flowTypes: Object.keys(TRACE_FLOW),
      nonFlowingStatuses: NON_FLOWING_STATUSES,
    });
    const graph = record
      ? toGraph(record.get('entries') as Entry[], record.get('rels') as Relationship[])
      : { nodes: [], edges: [] };
    // Nearest first, as the trace found them.
    graph.nodes.sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) || a.name.localeCompare(b.name));
    return { ...graph, truncated, depth: Object.fromEntries(depth) };
  }
}
