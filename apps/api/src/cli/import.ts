// npm run import -- <file> [--dry-run] [--valid-rows-only] [--mapping <name>] [--columns '<json>'] [--by <name>]
// Validates a procurement CSV/TSV/XLSX, a JSON-lines file of model records or a FollowTheMoney
// JSON-lines file, and imports it (all or nothing, unless --valid-rows-only).
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ImportQuerySchema } from '@explorer/model';
import { applySchema } from '../db/schema.ts';
import { importFile } from '../import/import-procurements.ts';
import { ImportStore, UnknownMappingError } from '../import/import-store.ts';
import { formatProblem, ImportRefusedError } from '../import/problems.ts';
import { runCli, userPath, withConfiguredDatabase } from './run.ts';

const USAGE =
  'usage: npm run import -- <file.csv|.tsv|.xlsx|.jsonl|.ftm.json> [--dry-run] [--valid-rows-only] ' +
  "[--mapping <saved mapping>] [--columns '<json: header → column or null>'] [--by <name>]";

const FLAGS = new Set(['--dry-run', '--valid-rows-only']);
const OPTIONS = new Set(['--mapping', '--columns', '--by']);

/** The OS user, or null when the system cannot say (some containers). */
function osUser(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return null;
  }
}

function parseArgs(
  args: readonly string[],
): { file: string; flags: Set<string>; options: Map<string, string> } | string {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (FLAGS.has(arg)) flags.add(arg);
    else if (OPTIONS.has(arg)) {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      options.set(arg, value);
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 1) return 'give exactly one file';
  return { file: files[0] as string, flags, options };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  const dryRun = args.flags.has('--dry-run');
  // The same rules as the HTTP query: one schema says what a good mapping name or columns object is.
  const query = ImportQuerySchema.safeParse({
    fileName: path.basename(args.file),
    mapping: args.options.get('--mapping'),
    columns: args.options.get('--columns'),
    importedBy: args.options.get('--by') ?? osUser() ?? undefined,
  });
  if (!query.success) {
    for (const issue of query.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  const bytes = await readFile(userPath(args.file));
  return withConfiguredDatabase(async (db) => {
    await applySchema(db);
    let mapping;
    try {
      mapping = await new ImportStore(db).resolveMapping(query.data.mapping, query.data.columns);
    } catch (error) {
      if (!(error instanceof UnknownMappingError)) throw error;
      console.error(`--mapping: ${error.message}`);
      return 2;
    }
    try {
      const result = await importFile(db, query.data.fileName, bytes, {
        dryRun,
        validRowsOnly: args.flags.has('--valid-rows-only'),
        importedBy: query.data.importedBy ?? null,
        mapping,
      });
      for (const problem of result.problems) console.error(formatProblem(problem));
      const verb = dryRun ? 'Would import' : 'Imported';
      console.log(
        `${verb} "${result.fileName}" (${result.format}${result.encoding ? `, ${result.encoding}` : ''}, ` +
          `SHA-256 ${result.sha256}): ${result.counts.rows} rows` +
          (result.counts.rowsSkipped > 0 ? `, ${result.counts.rowsSkipped} rows with errors left out` : '') +
          '.' +
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
