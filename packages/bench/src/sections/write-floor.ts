import type { Database } from '@explorer/api';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import {
  databaseProblems,
  planImport,
  procurementProbe,
  readExistingIndex,
  readProcurementFile,
  WRITE_BATCH,
} from '../api-internals.ts';

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

// Labels and types come from the model's lists only.
const createEntities = (kind: (typeof ENTITY_KINDS)[number]) =>
  `UNWIND $rows AS row CREATE (n:Entity:${kind}) SET n = row`;
const createRelationships = (type: (typeof RELATIONSHIP_TYPES)[number]) =>
  `UNWIND $rows AS row
   MATCH (a:Entity {id: row.source})
   MATCH (b:Entity {id: row.target})
   CREATE (a)-[r:${type}]->(b) SET r = row.props`;

/** Plans the file as an import of its valid rows would (when its bad rows are all certain before planning). */
async function plan(db: Database, fileName: string, bytes: Uint8Array) {
  const file = readProcurementFile(fileName, bytes);
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeRead(async (tx) => {
      const urls = [...new Set(file.rows.flatMap(({ row }) => (row.source_url ? [row.source_url] : [])))];
      const existing = await readExistingIndex(tx, urls, procurementProbe(file));
      const skipped = new Set(file.problems.filter((p) => p.severity === 'error').map((p) => p.line));
      for (const problem of databaseProblems(file, existing, skipped)) skipped.add(problem.line);
      const planned = planImport({ ...file, rows: file.rows.filter((r) => !skipped.has(r.line)) }, existing);
      const errors = planned.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) throw new Error(`the file plans with ${errors.length} error(s): no floor measured`);
      return planned;
    });
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
