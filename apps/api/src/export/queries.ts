/**
 * The Cypher of exports. Every value is a parameter; relationship types travel as a parameter list
 * taken from the model's allowlist, so nothing from a request is ever spliced into the text.
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

/** The relationships among the entities `$ids`, of the model's `$types`. */
export const EDGES = `
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
  RETURN a.id AS source, b.id AS target, r ORDER BY type(r), r.id`;

/** The Source entities `$ids` (looked up by Entity's indexed id, then checked for the kind). */
export const SOURCES = `
  MATCH (n:Entity) WHERE n.id IN $ids AND n:Source
  RETURN n ORDER BY n.id`;

/** The relationships `$relationshipIds` (a query's result) whose both ends are among the entities `$ids`. */
export const EDGES_BY_ID = `
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.id IN $relationshipIds AND a.id IN $ids AND b.id IN $ids AND type(r) IN $types
  RETURN a.id AS source, b.id AS target, r ORDER BY type(r), r.id`;
