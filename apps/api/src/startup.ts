import { readShippedDataset } from '@explorer/seeds';
import type { Database } from './db/database.ts';
import { applySchema } from './db/schema.ts';
import { recoverImportRuns } from './import/import-run.ts';
import { isEmpty, loadDataset } from './seed/load-dataset.ts';

/**
 * Prepares a database for the app: schema always; what an import whose process died had written is
 * taken out; the start-up dataset only into an empty graph.
 */
export async function prepareDatabase(
  db: Database,
  seedOnStart: string | null,
  log: (message: string) => void,
): Promise<void> {
  await applySchema(db);
  await recoverAfterRestart(db, log);
  if (seedOnStart && (await isEmpty(db))) {
    const result = await loadDataset(db, await readShippedDataset(seedOnStart));
    log(`Seeded "${result.dataset}": ${result.entities} entities, ${result.relationships} relationships.`);
  }
}

/** What a database that was down needs before it serves again: what a dead import wrote, taken out. */
export async function recoverAfterRestart(db: Database, log: (message: string) => void): Promise<void> {
  const undone = await recoverImportRuns(db);
  if (undone > 0) log(`Took out ${undone} unfinished import(s) whose process had stopped.`);
}
