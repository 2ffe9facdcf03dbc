// The import's Cypher. Values are always parameters; labels and types are interpolated only from
// the model's allowlists (ENTITY_KINDS, RELATIONSHIP_TYPES), checked by the callers.
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '@explorer/model';
import { CITATIONS_MAX } from './citations.ts';

/** Kinds a procurement row can name. The kind label is the one next to Entity. */
export const EXISTING_NAMES = `
  MATCH (n:Entity)
  WHERE n:Company OR n:PublicSecurityBody OR n:GovernmentBody OR n:Product OR n:TechnologyCategory
  RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name, n.aliases AS aliases,
         n.area AS area`;

export const EXISTING_SOURCES_BY_URL = `
  MATCH (s:Source) WHERE s.url IN $urls
  RETURN s.url AS url, min(s.id) AS id`;

function assertKind(kind: EntityKind): void {
  if (!ENTITY_KINDS.includes(kind)) throw new Error(`not an entity kind: ${String(kind)}`);
}
function assertType(type: RelationshipType): void {
  if (!RELATIONSHIP_TYPES.includes(type)) throw new Error(`not a relationship type: ${String(type)}`);
}

/**
 * New entities of one kind. An entity already there (a re-import) keeps its properties and only
 * gains this file's citations, so importing the same file again changes nothing.
 */
export function mergeEntities(kind: EntityKind): string {
  assertKind(kind);
  return `
    UNWIND $rows AS row
    MERGE (n:Entity {id: row.props.id})
    ON CREATE SET n = row.props, n:${kind}
    ON MATCH SET n.sourceIds = (coalesce(n.sourceIds, []) + [s IN row.props.sourceIds WHERE NOT s IN coalesce(n.sourceIds, [])])[..${CITATIONS_MAX}],
                 n.importedFrom = (coalesce(n.importedFrom, []) + [x IN row.props.importedFrom WHERE NOT x IN coalesce(n.importedFrom, [])])[..${CITATIONS_MAX}]`;
}

/**
 * Relationships of one type, merged by type and ends: a fact the graph already states (from a
 * seed or an earlier file) is not duplicated but gains this file's citations and rows.
 */
export function mergeRelationships(type: RelationshipType): string {
  assertType(type);
  return `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.source})
    MATCH (b:Entity {id: row.target})
    MERGE (a)-[r:${type}]->(b)
    ON CREATE SET r = row.props
    ON MATCH SET r.sourceIds = (coalesce(r.sourceIds, []) + [s IN row.props.sourceIds WHERE NOT s IN coalesce(r.sourceIds, [])])[..${CITATIONS_MAX}],
                 r.importedFrom = (coalesce(r.importedFrom, []) + [x IN row.props.importedFrom WHERE NOT x IN coalesce(r.importedFrom, [])])[..${CITATIONS_MAX}]
    RETURN count(r) AS written`;
}

/** The record of an import: one node per file content, written once (the first time it is imported). */
export const MERGE_IMPORT = `
  MERGE (i:Import {sha256: $sha256})
  ON CREATE SET i += $props
  RETURN i.importedAt AS importedAt`;

/** Control lists a FollowTheMoney Sanction may name (by the list's name or an alias). */
export const CONTROL_LISTS = `
  MATCH (l:Entity:ControlList)
  RETURN l.id AS id, [l.name] + coalesce(l.aliases, []) AS names`;

/** What the database holds under the ids a records file names: kind and synthetic flag. */
export const ENTITIES_BY_ID = `
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, coalesce(n.synthetic, false) AS synthetic`;

/** Relationships by id (each type has a uniqueness constraint on id, so this is an index lookup per type). */
export function relationshipsById(type: RelationshipType): string {
  assertType(type);
  return `
    UNWIND $ids AS id
    MATCH (a)-[r:${type} {id: id}]->(b)
    RETURN r.id AS id, a.id AS source, b.id AS target`;
}

/**
 * Relationships of one type merged by their own id (records files name their relationships):
 * a relationship already there gains this file's citations and rows.
 */
export function mergeRelationshipsById(type: RelationshipType): string {
  assertType(type);
  return `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.source})
    MATCH (b:Entity {id: row.target})
    MERGE (a)-[r:${type} {id: row.props.id}]->(b)
    ON CREATE SET r = row.props
    ON MATCH SET r.sourceIds = (coalesce(r.sourceIds, []) + [s IN row.props.sourceIds WHERE NOT s IN coalesce(r.sourceIds, [])])[..${CITATIONS_MAX}],
                 r.importedFrom = (coalesce(r.importedFrom, []) + [x IN row.props.importedFrom WHERE NOT x IN coalesce(r.importedFrom, [])])[..${CITATIONS_MAX}]
    RETURN count(r) AS written`;
}

/** Saved column mappings: nodes labelled ImportMapping, never Entity, so no route, export or search sees them. */
export const IMPORT_MAPPING_CONSTRAINT = `
  CREATE CONSTRAINT import_mapping_name IF NOT EXISTS FOR (m:ImportMapping) REQUIRE m.name IS UNIQUE`;

export const LIST_IMPORT_MAPPINGS = `
  MATCH (m:ImportMapping)
  RETURN m.name AS name, m.columns AS columns, m.updatedAt AS updatedAt
  ORDER BY m.name`;

export const GET_IMPORT_MAPPING = `
  MATCH (m:ImportMapping {name: $name})
  RETURN m.name AS name, m.columns AS columns, m.updatedAt AS updatedAt`;

export const SAVE_IMPORT_MAPPING = `
  MERGE (m:ImportMapping {name: $name})
  SET m.columns = $columns, m.updatedAt = $updatedAt
  RETURN m.name AS name, m.columns AS columns, m.updatedAt AS updatedAt`;

export const DELETE_IMPORT_MAPPING = `
  MATCH (m:ImportMapping {name: $name})
  DELETE m
  RETURN count(*) AS deleted`;

/** The record of one file's import, for the preview's "imported before". */
export const GET_IMPORT = `
  MATCH (i:Import {sha256: $sha256})
  RETURN i.importedAt AS importedAt, i.importedBy AS importedBy`;

/** Every import, newest first (ISO 8601 UTC timestamps of one length sort as text). */
export const LIST_IMPORTS = `
  MATCH (i:Import)
  RETURN i.sha256 AS sha256, i.fileName AS fileName, coalesce(i.format, 'csv') AS format,
         i.importedAt AS importedAt, i.importedBy AS importedBy, coalesce(i.rows, 0) AS rows,
         coalesce(i.rowsSkipped, 0) AS rowsSkipped, coalesce(i.entitiesCreated, 0) AS entitiesCreated,
         coalesce(i.relationshipsCreated, 0) AS relationshipsCreated, coalesce(i.candidates, 0) AS candidates
  ORDER BY i.importedAt DESC, i.fileName
  LIMIT $limit`;
