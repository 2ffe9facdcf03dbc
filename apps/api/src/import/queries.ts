// The import's Cypher. Values are always parameters; labels and types are interpolated only from
// the model's allowlists (ENTITY_KINDS, RELATIONSHIP_TYPES), checked by the callers.
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '@explorer/model';

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
    ON MATCH SET n.sourceIds = coalesce(n.sourceIds, []) + [s IN row.props.sourceIds WHERE NOT s IN coalesce(n.sourceIds, [])],
                 n.importedFrom = coalesce(n.importedFrom, []) + [x IN row.props.importedFrom WHERE NOT x IN coalesce(n.importedFrom, [])]`;
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
    ON MATCH SET r.sourceIds = coalesce(r.sourceIds, []) + [s IN row.props.sourceIds WHERE NOT s IN coalesce(r.sourceIds, [])],
                 r.importedFrom = coalesce(r.importedFrom, []) + [x IN row.props.importedFrom WHERE NOT x IN coalesce(r.importedFrom, [])]
    RETURN count(r) AS written`;
}

/** The record of an import: one node per file content, written once (the first time it is imported). */
export const MERGE_IMPORT = `
  MERGE (i:Import {sha256: $sha256})
  ON CREATE SET i += $props
  RETURN i.importedAt AS importedAt`;
