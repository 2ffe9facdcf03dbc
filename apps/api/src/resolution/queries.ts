/**
 * Every Cypher statement of entity resolution. Values are always parameters; labels and relationship
 * types are interpolated only from the model's allowlists (ENTITY_KINDS, RELATIONSHIP_TYPES), checked here.
 *
 * Candidates (MatchCandidate) and merges (Merge) are never Entity, so search, the entity routes,
 * exports and the seed loader do not see them; they name entities by id, with no relationship to them.
 * An entity merged away loses its Entity and kind labels for MergedEntity (keeping every property):
 * the Entity(id) uniqueness constraint and the full-text indexes, all on Entity, no longer apply to it.
 */
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '@explorer/model';

export const CANDIDATE_LABEL = 'MatchCandidate';
export const MERGE_LABEL = 'Merge';
export const MERGED_ENTITY_LABEL = 'MergedEntity';

function assertKind(kind: EntityKind): void {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not an entity kind: ${String(kind)}`);
}
function assertType(type: RelationshipType): void {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${String(type)}`);
}

/**
 * Applied by the repository before its first write, not with the model's schema (whose statements
 * go into every export). Merged-away entities keep their ids, indexed for undo.
 */
export const RESOLUTION_CONSTRAINTS: readonly string[] = [
  `CREATE CONSTRAINT match_candidate_id IF NOT EXISTS FOR (c:${CANDIDATE_LABEL}) REQUIRE c.id IS UNIQUE`,
  `CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (m:${MERGE_LABEL}) REQUIRE m.id IS UNIQUE`,
  `CREATE INDEX merged_entity_id IF NOT EXISTS FOR (n:${MERGED_ENTITY_LABEL}) ON (n.id)`,
];

// ---- import ----

/**
 * Candidates an import raises, one per pair of entities: a pair already held (open, merged or kept
 * apart) is left as it is, so re-importing a file never raises a pair again.
 */
export const MERGE_CANDIDATES = `
  UNWIND $rows AS row
  MERGE (c:${CANDIDATE_LABEL} {id: row.id})
  ON CREATE SET c = row
  RETURN count(c) AS written`;

/** How many of these candidate ids are held already (any status). */
export const EXISTING_CANDIDATE_COUNT = `
  UNWIND $ids AS id
  MATCH (c:${CANDIDATE_LABEL} {id: id})
  RETURN count(c) AS existing`;

// ---- review ----

export const LIST_CANDIDATES = `
  MATCH (c:${CANDIDATE_LABEL} {status: $status})
  RETURN c
  ORDER BY c.createdAt DESC, c.score DESC, c.id
  LIMIT $limit`;

/** Open candidates whose two entities are both still entities (not merged away since). */
export const LIST_OPEN_CANDIDATES = `
  MATCH (c:${CANDIDATE_LABEL} {status: 'open'})
  WHERE EXISTS { MATCH (:Entity {id: c.leftId}) } AND EXISTS { MATCH (:Entity {id: c.rightId}) }
  RETURN c
  ORDER BY c.createdAt DESC, c.score DESC, c.id
  LIMIT $limit`;

/**
 * Write locks, taken first so that two decisions on one candidate, merge or entity run one after the
 * other: the second then reads what the first committed (setting and removing a property changes nothing).
 */
export const LOCK_CANDIDATE = `
  MATCH (c:${CANDIDATE_LABEL} {id: $id})
  SET c.locked = true
  REMOVE c.locked`;
export const LOCK_MERGE = `
  MATCH (m:${MERGE_LABEL} {id: $id})
  SET m.locked = true
  REMOVE m.locked`;
export const LOCK_ENTITIES = `
  UNWIND $ids AS id
  OPTIONAL MATCH (e:Entity {id: id})
  OPTIONAL MATCH (m:${MERGED_ENTITY_LABEL} {id: id})
  UNWIND [x IN [e, m] WHERE x IS NOT NULL] AS n
  SET n.locked = true
  REMOVE n.locked`;

export const GET_CANDIDATE = `
  MATCH (c:${CANDIDATE_LABEL} {id: $id})
  RETURN c`;

/**
 * What a reviewer weighs about each entity: its properties, relationship counts by type and
 * direction, and every Source it or its relationships cite. Ids no longer entities are left out.
 */
export const ENTITY_EVIDENCE = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  CALL (n) {
    OPTIONAL MATCH (n)-[r]->()
    WITH type(r) AS type, count(r) AS count WHERE type IS NOT NULL
    RETURN collect({type: type, direction: 'out', count: count}) AS outCounts
  }
  CALL (n) {
    OPTIONAL MATCH (n)<-[r]-()
    WITH type(r) AS type, count(r) AS count WHERE type IS NOT NULL
    RETURN collect({type: type, direction: 'in', count: count}) AS inCounts
  }
  CALL (n) {
    OPTIONAL MATCH (n)-[r]-()
    WITH n, collect(r.sourceIds) AS lists
    WITH coalesce(n.sourceIds, []) + reduce(all = [], l IN lists | all + coalesce(l, [])) AS cited
    UNWIND (CASE WHEN size(cited) = 0 THEN [null] ELSE cited END) AS sid
    OPTIONAL MATCH (s:Source:Entity {id: sid})
    WITH DISTINCT s WHERE s IS NOT NULL
    RETURN collect({id: s.id, name: s.name, url: s.url}) AS sources
  }
  RETURN n, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, outCounts + inCounts AS counts, sources`;

export const SET_CANDIDATE_DECISION = `
  MATCH (c:${CANDIDATE_LABEL} {id: $id})
  SET c.status = $status, c.decidedAt = $at, c.decidedBy = $by, c.mergeId = $mergeId
  RETURN c`;

// ---- merge ----

/** An entity with its kind, for a merge or undo (in the same transaction as the writes). */
export const GET_ENTITY = `
  MATCH (n:Entity {id: $id})
  RETURN n, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind`;

/** Relationships of an entity, each once (a loop too), with the id of the other end. */
export const ENTITY_RELATIONSHIPS = `
  MATCH (n:Entity {id: $id})-[r]->(o)
  RETURN type(r) AS type, r.id AS id, 'out' AS direction, o.id AS otherId, properties(r) AS props
  UNION ALL
  MATCH (n:Entity {id: $id})<-[r]-(o)
  WHERE o <> n
  RETURN type(r) AS type, r.id AS id, 'in' AS direction, o.id AS otherId, properties(r) AS props`;

/** The kept entity's lists after a merge (null removes a property: how undo restores an absent one). */
export const SET_ENTITY_LISTS = `
  MATCH (n:Entity {id: $id})
  SET n.aliases = $aliases, n.registryIds = $registryIds, n.sourceIds = $sourceIds
  RETURN n`;

/**
 * Merge: moves the merged entity's relationships of one type and direction to the kept entity. Each
 * is deleted and created again with the same id and properties, the kept entity in place of the
 * merged one (a loop on the merged entity becomes a loop on the kept one). Returns how many moved.
 */
export function moveRelationships(type: RelationshipType, direction: 'out' | 'in'): string {
  assertType(type);
  const pattern =
    direction === 'out' ? `(from)-[r:${type} {id: row.id}]->(other)` : `(other)-[r:${type} {id: row.id}]->(from)`;
  const create = direction === 'out' ? `(to)-[n:${type}]->(end)` : `(end)-[n:${type}]->(to)`;
  return `
    MATCH (from:Entity {id: $fromId})
    MATCH (to:Entity {id: $toId})
    UNWIND $rows AS row
    MATCH ${pattern}
    WITH from, to, other, r, properties(r) AS props
    DELETE r
    WITH to, props, CASE WHEN other = from THEN to ELSE other END AS end
    CREATE ${create}
    SET n = props
    RETURN count(n) AS moved`;
}

/**
 * Undo: puts relationships of one type back between the restored entity and their original other
 * end (by id: the restored entity itself for a loop, or the kept one), with their current properties
 * (the same as before the merge: undo refuses when the kept entity changed since).
 */
export function restoreRelationships(type: RelationshipType, direction: 'out' | 'in'): string {
  assertType(type);
  const create = direction === 'out' ? `(m)-[n:${type}]->(o)` : `(o)-[n:${type}]->(m)`;
  return `
    MATCH (m:Entity {id: $mergedId})
    UNWIND $rows AS row
    MATCH ()-[r:${type} {id: row.id}]->()
    MATCH (o:Entity {id: row.otherId})
    WITH m, o, r, properties(r) AS props
    DELETE r
    CREATE ${create}
    SET n = props
    RETURN count(n) AS restored`;
}

/** The merged-away entity stops being an Entity (and its kind) but keeps every property. */
export function retireEntity(kind: EntityKind): string {
  assertKind(kind);
  return `
    MATCH (n:Entity:${kind} {id: $id})
    REMOVE n:Entity:${kind}
    SET n:${MERGED_ENTITY_LABEL}
    RETURN count(n) AS retired`;
}

/** Undo: the merged-away node becomes that entity again. */
export function restoreEntity(kind: EntityKind): string {
  assertKind(kind);
  return `
    MATCH (n:${MERGED_ENTITY_LABEL} {id: $id})
    REMOVE n:${MERGED_ENTITY_LABEL}
    SET n:Entity:${kind}
    RETURN count(n) AS restored`;
}

export const MERGED_ENTITY = `
  MATCH (n:${MERGED_ENTITY_LABEL} {id: $id})
  RETURN n, COUNT { (n)--() } AS degree`;

export const ENTITY_EXISTS = `
  RETURN EXISTS { MATCH (:Entity {id: $id}) } AS present`;

export const CREATE_MERGE = `
  CREATE (m:${MERGE_LABEL})
  SET m = $props
  RETURN m`;

export const GET_MERGE = `
  MATCH (m:${MERGE_LABEL} {id: $id})
  RETURN m`;

export const LIST_MERGES = `
  MATCH (m:${MERGE_LABEL})
  RETURN m
  ORDER BY m.mergedAt DESC, m.id
  LIMIT $limit`;

export const SET_MERGE_UNDONE = `
  MATCH (m:${MERGE_LABEL} {id: $id})
  SET m.status = 'undone', m.undoneAt = $at, m.undoneBy = $by
  RETURN m`;
