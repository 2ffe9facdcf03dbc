import {
  ENTITY_KINDS,
  ENTITY_LABEL,
  RELATIONSHIP_TYPES,
  type EntityKind,
  type RelationshipType,
} from '@explorer/model';

/**
 * The bulk loader's Cypher. Rows are always a parameter; the only text spliced in is a label or a
 * relationship type, checked against the model's allowlists first. Plain CREATE (no MERGE): the
 * loader only writes into an empty database, so there is nothing to merge with.
 */

export function createEntities(kind: EntityKind): string {
  if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown entity kind ${kind}`);
  return `UNWIND $rows AS row CREATE (n:${ENTITY_LABEL}:${kind}) SET n = row`;
}

/** Ends are found through the unique index on Entity.id that the schema creates before the load. */
export function createRelationships(type: RelationshipType): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`Unknown relationship type ${type}`);
  return `UNWIND $rows AS row
    MATCH (a:${ENTITY_LABEL} {id: row.source})
    MATCH (b:${ENTITY_LABEL} {id: row.target})
    CREATE (a)-[r:${type}]->(b) SET r = row.props
    RETURN count(r) AS created`;
}

export const COUNT_NODES = 'MATCH (n) RETURN count(n) AS count';
