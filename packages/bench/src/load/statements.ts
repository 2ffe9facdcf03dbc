import {
  ENTITY_KINDS,
  ENTITY_LABEL,
  RELATIONSHIP_TYPES,
  SCHEMA_STATEMENTS,
  type EntityKind,
  type RelationshipType,
} from '@explorer/model';

/**
 * The bulk loader's Cypher. Rows are always a parameter; the only text spliced in is a label or a
 * relationship type, checked against the model's allowlists first, and property keys, checked to be
 * plain identifiers. Plain CREATE (no MERGE): the loader only writes into an empty database, so there
 * is nothing to merge with.
 *
 * Properties are written in the CREATE itself, `{id: row.id, name: row.name, …}` for the keys the
 * batch's rows have (a key a row lacks is null there, and CREATE stores no null), instead of
 * `SET n = row`: a map SET is per row and property a remove-then-set, and on relationships it made
 * the planner insert an Eager (the whole batch held in memory before any write). Profiled on the 100k
 * load, map SETs were a fifth of the database's time.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `{a: row.a, b: row.b}` for the sorted keys of every row. */
function propertyMap(rows: ReadonlyArray<Record<string, unknown>>, prefix: string): string {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  const entries = [...keys].sort().map((key) => {
    if (!IDENTIFIER.test(key)) throw new Error(`Not a property name: ${JSON.stringify(key)}`);
    return `${key}: ${prefix}.${key}`;
  });
  return `{${entries.join(', ')}}`;
}

export function createEntities(kind: EntityKind, rows: ReadonlyArray<Record<string, unknown>>): string {
  if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown entity kind ${kind}`);
  return `UNWIND $rows AS row CREATE (:${ENTITY_LABEL}:${kind} ${propertyMap(rows, 'row')})`;
}

/** Ends are found through the unique index on Entity.id, the one schema item created before the load. */
export function createRelationships(
  type: RelationshipType,
  rows: ReadonlyArray<{ props: Record<string, unknown> }>,
): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`Unknown relationship type ${type}`);
  return `UNWIND $rows AS row
    MATCH (a:${ENTITY_LABEL} {id: row.source})
    MATCH (b:${ENTITY_LABEL} {id: row.target})
    CREATE (a)-[r:${type} ${propertyMap(
      rows.map((r) => r.props),
      'row.props',
    )}]->(b)
    RETURN count(r) AS created`;
}

export const COUNT_NODES = 'MATCH (n) RETURN count(n) AS count';

/**
 * The model's schema (SCHEMA_STATEMENTS, what the app's applySchema runs), split in two. Before the
 * load: only the uniqueness constraint on Entity.id, which relationship rows need to find their ends
 * and which also checks that no id is loaded twice. After the load: everything else — the full-text
 * indexes (synchronous, so per row they cost a Lucene update in every transaction), the relationship
 * id constraints and the name indexes — which Neo4j then populates in one pass over the store instead
 * of row by row. The same statement texts, so the final schema is the app's.
 */
export function splitSchema(statements: readonly string[] = SCHEMA_STATEMENTS): {
  beforeLoad: string[];
  afterLoad: string[];
} {
  const isEntityId = (s: string) => /^CREATE CONSTRAINT entity_id IF NOT EXISTS\b/.test(s);
  const beforeLoad = statements.filter(isEntityId);
  if (beforeLoad.length !== 1) throw new Error('SCHEMA_STATEMENTS must hold the entity_id constraint exactly once');
  return { beforeLoad, afterLoad: statements.filter((s) => !isEntityId(s)) };
}
