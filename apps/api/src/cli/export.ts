// npm run export -- --format graphml --ids a,b --hops 1 > out.graphml
// npm run export -- --format json --query 'MATCH (c:Company)-[r]->(p) RETURN c, r, p LIMIT 20'
// Writes the subgraph file to stdout (or --out FILE); uses NEO4J_URI or the embedded database.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, ExportRequestSchema } from '@explorer/model';
import { ConsoleError } from '../console/errors.ts';
import { ConsoleRunner } from '../console/runner.ts';
import { QueryRunner } from '../db/runner.ts';
import { exportSubgraph, toStream } from '../export/export-subgraph.ts';
import { runCli, userPath, withConfiguredDatabase } from './run.ts';

const USAGE =
  `usage: npm run -s export -- --format <${EXPORT_FORMATS.join('|')}> ` +
  `(--ids <id,id,…> [--hops 0-3] | --query <cypher> [--params <json>]) [--out FILE]`;

/** --params as JSON; text that is not JSON is handed on as is, so the schema names `params`. */
function parseParams(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      format: { type: 'string' },
      ids: { type: 'string' },
      hops: { type: 'string', default: '0' },
      query: { type: 'string' },
      params: { type: 'string' },
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
    query: values.query,
    params: parseParams(values.params),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'arguments'}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  const request = parsed.data;
  return withConfiguredDatabase(async (db, config) => {
    const runner = new QueryRunner(db, config.queryTimeoutMs);
    const consoleRunner = new ConsoleRunner(db, config.console, { warn: (o, m) => console.error(m, o) });
    const source =
      request.query !== undefined
        ? { query: request.query, params: request.params ?? {} }
        : { nodeIds: request.nodeIds ?? [], hops: request.hops };
    try {
      const file = await exportSubgraph({ runner, console: consoleRunner }, { format: request.format, ...source });
      await pipeline(toStream(file.chunks), values.out ? createWriteStream(userPath(values.out)) : process.stdout);
      console.error(`Exported ${file.fileName}${values.out ? ` to ${values.out}` : ''}.`);
      return 0;
    } catch (error) {
      // The console's refusals are answers, not crashes: say why, as the API would.
      if (error instanceof ConsoleError) {
        console.error(`query: ${error.message}`);
        return 2;
      }
      throw error;
    }
  });
}

runCli(main, (error) => `Export failed: ${error.message}`);
