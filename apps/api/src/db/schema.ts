import { SCHEMA_STATEMENTS } from '@explorer/model';
import type { Database } from './database.ts';

/** Creates the model's constraints and indexes (idempotent) and waits until they are online. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of SCHEMA_STATEMENTS) {
    await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database: db.database });
}
