import { readShippedDataset } from '@explorer/seeds';
import type { Database } from './db/database.ts';
import { applySchema } from './db/schema.ts';
import { isEmpty, loadDataset } from './seed/load-dataset.ts';

/** Prepares a database for the app: schema always; the start-up dataset only into an empty graph. */
export async function prepareDatabase(
  db: Database,
  seedOnStart: string | null,
  log: (message: string) => void,
): Promise<void> {
  await applySchema(db);
  if (seedOnStart && (await isEmpty(db))) {
    const result = await loadDataset(db, await readShippedDataset(seedOnStart));
    log(`Seeded "${result.dataset}": ${result.entities} entities, ${result.relationships} relationships.`);
  }
}
