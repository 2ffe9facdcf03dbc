import { RELATIONSHIP_TYPES } from '@explorer/model';

/**
 * The Cypher of exports. Every value is a parameter; relationship types travel as a parameter list
 * taken from the model's allowlist, so nothing from a request is ever spliced into the text (the one
 * text built from types, EDGES_BY_ID, spells out the model's own list).
 */

/** One breadth-first step: entities one hop from `$frontier`, along `$types`, not yet `$visited`. */
export const EXPAND_STEP = `
  UNWIND $frontier AS id
  MATCH (a:Entity {id: id})-[r]-(b:Entity)
  WHERE type(r) IN $types AND NOT b.id IN $visited
  RETURN DISTINCT b.id AS id ORDER BY id LIMIT $limit`;

/** The entities `$ids` (and which of the asked ids exist). */
export const NODES = `
  MATCH (n:Entity) WHERE n.id IN $ids
  RETURN n ORDER BY n.id`;

/**
 * Relationships an entity may have in one direction and still be walked from (see EDGES). A literal:
 * it is a property of the query, not of a request.
 */
const FEW = 200;

/**
 * The relationships among the entities `$ids`, of the model's `$types`. Each one is found from the
 * end with few relationships in its direction, so a hub among the ids (the Entity List, a technology
 * category, a big buyer: tens of thousands of links) is never walked link by link: a → b is found
 * from a when a has few outgoing relationships, else from b when b has few incoming ones, else (both
 * ends hubs) by Expand(Into) between the two, which Neo4j walks from the smaller side (pairs of
 * distinct entities only: the model allows no relationship from an entity to itself). The three
 * parts are disjoint. Degrees come from COUNT without a label, which Neo4j reads from the node's
 * degree store. Before: every relationship of every id was expanded and its other end's id read.
 */
export const EDGES = `
  MATCH (n:Entity) WHERE n.id IN $ids
  WITH n, COUNT { (n)-->() } <= ${FEW} AS fewOut, COUNT { (n)<--() } <= ${FEW} AS fewIn
  WITH collect(CASE WHEN fewOut THEN n END) AS fewOutNodes, collect(CASE WHEN fewOut THEN NULL ELSE n END) AS manyOut,
       collect(CASE WHEN fewIn THEN n END) AS fewInNodes, collect(CASE WHEN fewIn THEN NULL ELSE n END) AS manyIn
  CALL (fewOutNodes, manyOut, fewInNodes, manyIn) {
    UNWIND fewOutNodes AS a
    MATCH (a)-[r]->(b:Entity) WHERE b.id IN $ids
    RETURN a, r, b
    UNION ALL
    UNWIND fewInNodes AS b
    MATCH (a:Entity)-[r]->(b) WHERE a IN manyOut
    RETURN a, r, b
    UNION ALL
    UNWIND manyOut AS a
    UNWIND manyIn AS b
    WITH a, b WHERE a <> b
    MATCH (a)-[r]->(b)
    RETURN a, r, b
  }
  WITH a, r, b WHERE type(r) IN $types
  RETURN a.id AS source, b.id AS target, r ORDER BY type(r), r.id`;

/** The Source entities `$ids` (looked up by Entity's indexed id, then checked for the kind). */
export const SOURCES = `
  MATCH (n:Entity) WHERE n.id IN $ids AND n:Source
  RETURN n ORDER BY n.id`;

/**
 * The relationships `$relationshipIds` (a query's result) whose both ends are among the entities `$ids`.
 * Found through each type's unique index on `id`, one branch per type of the model's allowlist,
 * rather than by walking every relationship of every id (a hub among them has tens of thousands).
 */
export const EDGES_BY_ID = `
  CALL () {
    ${RELATIONSHIP_TYPES.map((type) => `MATCH (a:Entity)-[r:${type}]->(b:Entity) WHERE r.id IN $relationshipIds RETURN a, r, b`).join('\n    UNION ALL\n    ')}
  }
  WITH a, r, b WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
  RETURN a.id AS source, b.id AS target, r ORDER BY type(r), r.id`;
