// npm run export -- --format graphml --ids a,b --hops 1 > out.graphml
// Writes the subgraph file to stdout (or --out FILE); uses NEO4J_URI or the embedded database.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, ExportRequestSchema } from '@explorer/model';
import { QueryRunner } from '../db/runner.ts';
import { exportSubgraph, toStream } from '../export/export-subgraph.ts';
import { runCli, withConfiguredDatabase } from './run.ts';

const USAGE = `usage: npm run -s export -- --format <${EXPORT_FORMATS.join('|')}> --ids <id,id,…> [--hops 0-3] [--out FILE]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      ids: { type: 'string' },
      hops: { type: 'string', default: '0' },
      out: { type: 'string' },
    },
  });
  const parsed = ExportRequestSchema.safeParse({
    format: values.format,
    nodeIds: values.ids
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
    hops: Number(values.hops),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'arguments'}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  return withConfiguredDatabase(async (db, config) => {
    const runner = new QueryRunner(db, config.queryTimeoutMs);
    const file = await exportSubgraph(runner, { ...parsed.data, nodeIds: parsed.data.nodeIds ?? [] });
    await pipeline(toStream(file.chunks), values.out ? createWriteStream(values.out) : process.stdout);
    console.error(`Exported ${file.fileName}${values.out ? ` to ${values.out}` : ''}.`);
    return 0;
  });
}

runCli(main, (error) => `Export failed: ${error.message}`);
