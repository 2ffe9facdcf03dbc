// npm run seed -- <dataset>   Validates a dataset from seeds/ and loads it (idempotent, all or nothing).
import { InvalidDatasetError, readShippedDataset } from '@explorer/seeds';
import { applySchema } from '../db/schema.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { runCli, withConfiguredDatabase } from './run.ts';

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: npm run seed -- <dataset>   (datasets: report-2022, demo)');
    return 2;
  }
  // Validate before touching the database: a bad file never opens a transaction.
  const dataset = await readShippedDataset(name);
  return withConfiguredDatabase(async (db) => {
    await applySchema(db);
    const result = await loadDataset(db, dataset);
    console.log(
      `Loaded "${result.dataset}": ${result.entities} entities, ${result.relationships} relationships ` +
        `(${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships new).`,
    );
    return 0;
  });
}

runCli(main, (error) => (error instanceof InvalidDatasetError ? error.message : `Seed failed: ${error.message}`));
