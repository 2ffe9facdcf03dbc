import type { Database } from '@explorer/api';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import { createRelationships, planFile, PLANNING, readImportFile, WRITE_BATCH } from '../api-internals.ts';

/**
 * The least time any import of a file could take to write here: the import's own plan of it (the same
 * entities and relationships, with the same properties), written with nothing but CREATE, in the
 * import's batch size, a transaction each, one after another. No MERGE, no undo record, no reading or
 * planning. An import's write phase can be compared with it.
 */
export interface WriteFloor {
  entities: number;
  relationships: number;
  entitySeconds: number;
  relationshipSeconds: number;
}

// Kinds come from the model's list only. Relationships go in with the import's own statement for new ends.
const createEntities = (kind: (typeof ENTITY_KINDS)[number]) =>
  `UNWIND $rows AS row CREATE (n:Entity:${kind}) SET n = row`;

/** The import's own plan of the file, with its valid rows only. */
async function plan(db: Database, fileName: string, bytes: Uint8Array) {
  const file = readImportFile(fileName, bytes);
  const session = db.driver.session({ database: db.database });
  try {
    return (await session.executeRead((tx) => planFile(tx, file, true), PLANNING)).plan;
  } finally {
    await session.close();
  }
}

/** Writes the file's plan with bare CREATEs into a graph that lacks it, and times the two halves. */
export async function measureWriteFloor(db: Database, fileName: string, bytes: Uint8Array): Promise<WriteFloor> {
  const planned = await plan(db, fileName, bytes);
  const write = async (statement: string, rows: readonly unknown[]) => {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      await db.driver.executeQuery(statement, { rows: rows.slice(i, i + WRITE_BATCH) }, { database: db.database });
    }
  };
  const entities = [...planned.entities.values()];
  const relationships = [...planned.relationships.values()];
  const started = performance.now();
  for (const kind of ENTITY_KINDS) {
    await write(
      createEntities(kind),
      entities.filter((e) => e.kind === kind).map((e) => e.props),
    );
  }
  const entitiesDone = performance.now();
  for (const type of RELATIONSHIP_TYPES) {
    await write(
      createRelationships(type),
      relationships.filter((r) => r.type === type).map(({ source, target, props }) => ({ source, target, props })),
    );
  }
  return {
    entities: entities.length,
    relationships: relationships.length,
    entitySeconds: (entitiesDone - started) / 1000,
    relationshipSeconds: (performance.now() - entitiesDone) / 1000,
  };
}
