import {
  HUB_RELATIONSHIP_TYPES,
  LIMITS,
  NON_FLOWING_STATUSES,
  RELATIONSHIP_TYPES,
  TRACE_FLOW,
  traceTypes,
} from '@explorer/model';
import neo4j, { type Driver, type Node, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import {
  ApiQueries as Q,
  ExportQueries as X,
  ExportTooLargeError,
  expandExport,
  searchLookups,
} from '../api-internals.ts';

/**
 * The API's reads done with the bare driver: the same Cypher texts (imported from apps/api), the same
 * parameters and the same sequence of round trips as the API's repository, but no HTTP, no request
 * validation and no mapping to JSON. API time / raw time is then the API's own overhead.
 */
export class RawReader {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
  ) {}

  async read(cypher: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    const { records } = await this.driver.executeQuery(cypher, params, {
      database: this.database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: this.timeoutMs },
    });
    return records;
  }

  /** As GraphRepository.search: the same lookups, the typo-tolerant one only when the others found too few. */
  async search(q: string, limit = LIMITS.searchDefault): Promise<void> {
    const found = new Set<string>();
    for (const { index, query, onlyIfFewer } of searchLookups(q)) {
      if (onlyIfFewer && found.size >= limit) continue;
      const records = await this.read(Q.SEARCH, {
        index,
        query,
        kinds: null,
        fetch: neo4j.int(limit * 2),
        limit: neo4j.int(limit),
      });
      for (const r of records) found.add((r.get('n') as Node).elementId);
    }
  }

  async entity(id: string): Promise<void> {
    const [[entity]] = await Promise.all([
      this.read(Q.ENTITY, { id }),
      this.read(Q.ENTITY_SOURCES, {
        id,
        relationshipsMax: neo4j.int(LIMITS.entitySourceRelationshipsMax),
        sourcesLimit: neo4j.int(LIMITS.entitySourcesMax + 1),
      }),
      this.read(Q.ENTITY_RELATIONSHIP_COUNTS, { id }),
    ]);
    if (!entity) throw new Error(`no entity ${id}`);
  }

  /** One page of the neighbourhood, `skip` relationships in (the API's cursor). */
  async neighbors(id: string, skip = 0, limit = LIMITS.neighborsDefault): Promise<void> {
    const [record] = await this.read(Q.neighbors(undefined, 'both'), {
      id,
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
    if (!record) throw new Error(`no entity ${id}`);
  }

  /** Shortest paths with the API's default types (hub types left out); returns the length found. */
  async paths(from: string, to: string, maxHops: number): Promise<number | null> {
    await this.read(Q.ENTITIES_EXIST, { ids: [from, to] });
    const types = RELATIONSHIP_TYPES.filter((t) => !HUB_RELATIONSHIP_TYPES.includes(t));
    const records = await this.read(Q.paths({ types, maxHops, mode: 'shortest', k: LIMITS.pathKDefault }), {
      from,
      to,
      maxPaths: neo4j.int(LIMITS.pathKMax * 5),
    });
    const first = records[0];
    return first ? (first.get('rels') as Relationship[]).length : null;
  }

  async trace(from: string, maxHops = LIMITS.traceHopsDefault): Promise<number> {
    await this.read(Q.ENTITIES_EXIST, { ids: [from] });
    const { outgoing, incoming } = traceTypes('downstream');
    const visited = new Set([from]);
    let frontier = [from];
    let truncated = false;
    for (let hop = 1; hop <= maxHops && frontier.length > 0 && !truncated; hop++) {
      const room = LIMITS.traceNodesMax - visited.size;
      const records = await this.read(Q.TRACE_STEP, {
        frontier,
        outgoing,
        incoming,
        nonFlowingStatuses: NON_FLOWING_STATUSES,
        visited: [...visited],
        limit: neo4j.int(room + 1),
      });
      const next = records.map((r) => String(r.get('id')));
      truncated = next.length > room;
      frontier = next.slice(0, room);
      for (const id of frontier) visited.add(id);
    }
    await this.read(Q.TRACE_RESULT, {
      ids: [...visited],
      flowTypes: Object.keys(TRACE_FLOW),
      nonFlowingStatuses: NON_FLOWING_STATUSES,
    });
    return visited.size;
  }

  async cypher(query: string, params: Record<string, unknown>): Promise<void> {
    await this.read(query, params);
  }

  /**
   * The export's reads (apps/api/src/export/read-subgraph.ts): expand breadth first, then nodes,
   * edges and cited sources. Returns the sizes; null when the subgraph exceeds the export's cap.
   */
  async exportSubgraph(
    nodeIds: string[],
    hops: number,
  ): Promise<{ nodes: number; edges: number; sources: number } | null> {
    let ids: string[];
    try {
      ids = await expandExport(this, nodeIds, hops);
    } catch (error) {
      if (error instanceof ExportTooLargeError) return null;
      throw error;
    }
    const visited = new Set(ids);
    const nodes = await this.read(X.NODES, { ids });
    const edges = await this.read(X.EDGES, { ids, types: RELATIONSHIP_TYPES });
    const cited = new Set<string>();
    const cite = (props: Record<string, unknown>) => {
      const sourceIds = props['sourceIds'];
      if (Array.isArray(sourceIds)) for (const s of sourceIds) cited.add(String(s));
    };
    for (const r of nodes) cite((r.get('n') as Node).properties as Record<string, unknown>);
    for (const r of edges) cite((r.get('r') as Relationship).properties as Record<string, unknown>);
    const wanted = [...cited].filter((id) => !visited.has(id)).sort();
    const sources = await this.read(X.SOURCES, { ids: wanted });
    return { nodes: nodes.length, edges: edges.length, sources: sources.length };
  }
}
