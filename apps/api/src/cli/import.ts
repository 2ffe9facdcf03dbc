// npm run import -- <file> [--dry-run]   Validates a procurement CSV/TSV and imports it (all or nothing).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applySchema } from '../db/schema.ts';
import { importProcurementFile } from '../import/import-procurements.ts';
import { formatProblem, ImportRefusedError } from '../import/problems.ts';
import { runCli, userPath, withConfiguredDatabase } from './run.ts';

const USAGE = 'usage: npm run import -- <file.csv|file.tsv> [--dry-run]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => a !== '--dry-run');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (files.length !== 1 || unknown.length > 0) {
    console.error(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const file = files[0] as string;
  const bytes = await readFile(userPath(file));
  return withConfiguredDatabase(async (db) => {
    await applySchema(db);
    try {
      const result = await importProcurementFile(db, path.basename(file), bytes, { dryRun });
      for (const warning of result.warnings) console.error(formatProblem(warning));
      const verb = dryRun ? 'Would import' : 'Imported';
      console.log(
        `${verb} "${result.fileName}" (${result.encoding}, ${result.delimiter === '\t' ? 'tab' : 'comma'}-separated, ` +
          `SHA-256 ${result.sha256}): ${result.counts.rows} rows.` +
          (result.firstImport ? '' : ' This file was imported before; nothing new.'),
      );
      console.log(JSON.stringify(result.counts, null, 2));
      return 0;
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      for (const problem of error.problems) console.error(formatProblem(problem));
      console.error(`Import refused: nothing was written.`);
      return 1;
    }
  });
}

runCli(main, (error) => `Import failed: ${error.message}`);
