import { readShippedDataset } from '@explorer/seeds';
import type { Database } from './db/database.ts';
import { applySchema } from './db/schema.ts';
import { recoverImportRuns } from './import/import-run.ts';
import { isEmpty, loadDataset } from './seed/load-dataset.ts';

/**
 * Prepares a database for the app: schema always; what every import without a live owner had
 * written is taken out (a run of another process is watched until it beats or goes stale, at most
 * IMPORT_RUN_STALE_MS), so no reader ever sees half an import of a crash; the start-up dataset only
 * into an empty graph.
 */
export async function prepareDatabase(
  db: Database,
  seedOnStart: string | null,
  log: (message: string) => void,
): Promise<void> {
  await applySchema(db);
  const undone = await recoverImportRuns(db, { watchOthers: true });
  if (undone > 0) log(`Took out ${undone} unfinished import(s) whose process or database had stopped.`);
  if (seedOnStart && (await isEmpty(db))) {
    const result = await loadDataset(db, await readShippedDataset(seedOnStart));
    log(`Seeded "${result.dataset}": ${result.entities} entities, ${result.relationships} relationships.`);
  }
}

/**
 * What an embedded database that this process restarted needs before it serves again: what its
 * imports that died with it wrote, taken out (no other process can open the embedded database, so
 * there are no others' runs to watch).
 */
export async function recoverAfterRestart(db: Database, log: (message: string) => void): Promise<void> {
  const undone = await recoverImportRuns(db);
  if (undone > 0) log(`Took out ${undone} unfinished import(s) that the database's death had cut short.`);
}
