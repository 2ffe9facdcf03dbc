import { ENTITY_KINDS, RELATIONSHIP_TYPES, type RelationshipType } from '@explorer/model';

/**
 * Every Cypher statement the API runs, in one place. User values always travel as parameters.
 * The only things ever spliced into the text are relationship types and labels taken from the
 * model's allowlists, directions from a fixed set, and integers the request schema has bounded.
 */

/** `:A|B` for a list of model relationship types (empty list: any type). */
export function typeFilter(types: readonly RelationshipType[] | undefined): string {
  if (!types || types.length === 0) return '';
  for (const t of types) {
    if (!(RELATIONSHIP_TYPES as readonly string[]).includes(t)) throw new Error(`Unknown relationship type ${t}`);
  }
  return `:${types.join('|')}`;
}

function boundedInt(value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Integer ${value} outside ${min}..${max}`);
  }
  return value;
}

/** For the node `n` in scope: its listings on control lists, as `listings`. */
const LISTINGS = `
  CALL (n) {
    OPTIONAL MATCH (n)-[l:LISTED_ON]->(list:ControlList)
    RETURN collect(CASE WHEN list IS NULL THEN NULL ELSE
      {listId: list.id, listName: list.name, date: l.from, citation: l.citation, sourceIds: l.sourceIds}
    END) AS listings
  }`;

/** For a list `ns` in scope: `entries`, each node with its listings. */
const ENTRIES = `
  CALL (ns) {
    UNWIND ns AS n
    WITH DISTINCT n
    ${LISTINGS}
    RETURN collect({node: n, listings: listings}) AS entries
  }`;

export const SEARCH = `
  CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node AS n, score
  WHERE $kinds IS NULL OR any(label IN labels(n) WHERE label IN $kinds)
  WITH n, score ORDER BY score DESC, n.name LIMIT $limit
  ${LISTINGS}
  RETURN n, score, listings`;

export const ENTITY = `
  MATCH (n:Entity {id: $id})
  ${LISTINGS}
  RETURN n, listings`;

/**
 * The Sources cited by the entity and by up to $relationshipsMax of its relationships (a hub's every
 * relationship would be tens of thousands of reads), at most $sourcesLimit of them, the entity's own first.
 */
export const ENTITY_SOURCES = `
  MATCH (e:Entity {id: $id})
  WITH e, COLLECT { MATCH (e)-[r]-() RETURN r.sourceIds LIMIT $relationshipsMax } AS cited
  WITH reduce(ids = coalesce(e.sourceIds, []), x IN cited | ids + coalesce(x, [])) AS ids
  UNWIND ids AS sourceId
  WITH DISTINCT sourceId
  LIMIT $sourcesLimit
  // By Entity's id (the indexed one), then the kind: matching :Source {id} scans every Source.
  // No listings: a Source is never LISTED_ON (the model's ends), and asking cost a third of a hub's time.
  MATCH (n:Entity {id: sourceId}) WHERE n:Source
  RETURN n
  ORDER BY n.date DESC, n.name`;

/**
 * How many relationships of each type and direction the entity has, from Neo4j's degree counts (one
 * lookup per type and direction, types from the model's allowlist), not by walking a hub's links.
 */
export const ENTITY_RELATIONSHIP_COUNTS = `
  MATCH (n:Entity {id: $id})
  UNWIND [
    ${RELATIONSHIP_TYPES.flatMap((type) => [
      `{type: '${type}', direction: 'out', count: COUNT { (n)-[:${type}]->() }}`,
      `{type: '${type}', direction: 'in', count: COUNT { (n)<-[:${type}]-() }}`,
    ]).join(',\n    ')}
  ] AS c
  WITH c WHERE c.count > 0
  RETURN c.type AS type, c.direction AS direction, c.count AS count
  ORDER BY type, direction`;

export const ENTITIES_EXIST = `
  UNWIND $ids AS id
  OPTIONAL MATCH (n:Entity {id: id})
  RETURN id, n IS NOT NULL AS exists`;

/**
 * One page of an entity's neighbourhood: `$limit` relationships (to entities) after the first `$skip`,
 * in the order Neo4j keeps them on the node (by type for a node with many, then the chain), with no
 * global sort — so a hub with 100,000 links costs the page plus cheap skipping over relationship
 * records, never a read and sort of every neighbour. One row more than the page says whether another
 * page follows. Only the page is then sorted (type, neighbour name, relationship id) for display, so
 * an entity with no more than `$limit` neighbours gets them all in that order, as before.
 */
export function neighbors(types: readonly RelationshipType[] | undefined, direction: 'out' | 'in' | 'both'): string {
  const filter = typeFilter(types);
  const arrow = (rel: string, other: string) =>
    direction === 'out'
      ? `(center)-${rel}->${other}`
      : direction === 'in'
        ? `(center)<-${rel}-${other}`
        : `(center)-${rel}-${other}`;
  return `
    MATCH (center:Entity {id: $id})
    CALL (center) {
      MATCH ${arrow(`[r${filter}]`, '(m:Entity)')}
      WITH r, m SKIP $skip LIMIT $limit + 1
      WITH collect({r: r, m: m}) AS rows
      RETURN size(rows) > $limit AS more, rows[..$limit] AS page
    }
    CALL (page) {
      UNWIND page AS row
      WITH row.r AS r, row.m AS m ORDER BY type(r), m.name, r.id
      RETURN collect(r) AS rels, collect(m) AS others
    }
    WITH rels, more, [center] + others AS ns
    ${ENTRIES}
    RETURN entries, rels, more`;
}

/** Shortest paths (all of the shortest length), or up to k paths shortest first. */
export function paths(options: {
  types: readonly RelationshipType[];
  maxHops: number;
  mode: 'shortest' | 'k';
  k: number;
}): string {
  const hops = boundedInt(options.maxHops, 1, 10);
  // Cypher takes the SHORTEST count and the hop bounds only as literals; both are bounded integers.
  // All shortest paths use the older allShortestPaths: its bidirectional search expands the smaller
  // side first, and at a million entities a 4-hop pair through a 25,000-link product took it 93 ms
  // against 8.4 s for ALL SHORTEST (StatefulShortestPath), with the same 20 paths.
  const match =
    options.mode === 'k'
      ? `MATCH p = SHORTEST ${boundedInt(options.k, 1, 10)} (a:Entity {id: $from})-[${typeFilter(options.types)}]-{1,${hops}}(b:Entity {id: $to})`
      : `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
    MATCH p = allShortestPaths((a)-[${typeFilter(options.types)}*..${hops}]-(b))`;
  return `
    ${match}
    WITH p LIMIT $maxPaths
    WITH p, nodes(p) AS ns
    ${ENTRIES}
    RETURN entries, relationships(p) AS rels
    ORDER BY length(p)`;
}

/** A relationship that carries technology: not an only-announced or abandoned deal. */
const FLOWS = `NOT coalesce(r.status, '') IN $nonFlowingStatuses`;

/**
 * One breadth-first step of a trace: the entities one hop on from `$frontier` (entity ids), following
 * `$outgoing` types from start to end and `$incoming` types from end to start, not yet `$visited`.
 */
export const TRACE_STEP = `
  UNWIND $frontier AS id
  MATCH (a:Entity {id: id})
  CALL (a) {
    MATCH (a)-[r]->(b:Entity) WHERE type(r) IN $outgoing AND ${FLOWS} RETURN b
    UNION
    MATCH (a)<-[r]-(b:Entity) WHERE type(r) IN $incoming AND ${FLOWS} RETURN b
  }
  WITH DISTINCT b WHERE NOT b.id IN $visited
  RETURN b.id AS id ORDER BY id LIMIT $limit`;

/**
 * The entities `$ids` with their listings, and the flowing relationships among them. Membership is
 * tested by id in the parameter list rather than in the node list: 154 vs 202 ms for 500 hub-heavy
 * entities of the 10k bench graph.
 */
export const TRACE_RESULT = `
  MATCH (n:Entity) WHERE n.id IN $ids
  WITH collect(n) AS ns
  CALL (ns) {
    UNWIND ns AS x
    MATCH (x)-[r]->(y:Entity)
    WHERE type(r) IN $flowTypes AND y.id IN $ids AND ${FLOWS}
    RETURN collect(DISTINCT r) AS rels
  }
  ${ENTRIES}
  RETURN entries, rels`;

/** Counts per kind and per type, from Neo4j's count store (constant time each). */
export const SCHEMA_COUNTS = [
  ...ENTITY_KINDS.map((kind) => `MATCH (n:${kind}) RETURN 'kind' AS what, '${kind}' AS name, count(n) AS count`),
  ...RELATIONSHIP_TYPES.map(
    (type) => `MATCH ()-[r:${type}]->() RETURN 'type' AS what, '${type}' AS name, count(r) AS count`,
  ),
].join('\nUNION ALL\n');

// ---- explorer canvas (issue 3) ----

/** One relationship by id, with its two ends (each with its listings). */
export const EXPLORER_RELATIONSHIP = `
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id = $id
  WITH r, [a, b] AS ns LIMIT 1
  ${ENTRIES}
  RETURN entries, r`;

/** The Source entities `$ids`, newest first. */
export const EXPLORER_SOURCES = `
  MATCH (n:Entity) WHERE n.id IN $ids AND n:Source
  ${LISTINGS}
  RETURN n, listings
  ORDER BY n.date DESC, n.name`;

/** The entities `$ids` and every relationship among them, whatever its type. */
export const EXPLORER_CONNECT = `
  MATCH (n:Entity) WHERE n.id IN $ids
  WITH collect(n) AS ns
  CALL (ns) {
    UNWIND ns AS x
    MATCH (x)-[r]->(y:Entity) WHERE y.id IN $ids
    RETURN collect(DISTINCT r) AS rels
  }
  ${ENTRIES}
  RETURN entries, rels`;
