// npm run generate -- --entities 100000 --seed 42 --out <dir>
import path from 'node:path';
import { generateDataset } from '../generate/generate.ts';
import { intFlag, readFlags } from './args.ts';

const USAGE = `Usage: npm run generate -- --entities <n> [--seed 42] --out <dir>
Writes a deterministic synthetic dataset (entities.jsonl, relationships.jsonl, manifest.json).`;

async function main(): Promise<void> {
  const flags = readFlags(USAGE, {
    entities: { type: 'string' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (flags['entities'] === undefined || flags['out'] === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  // npm runs workspace scripts in the workspace folder; resolve --out against where the user typed it.
  // eslint-disable-next-line no-restricted-syntax -- INIT_CWD is npm's, not the app's configuration
  const out = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), String(flags['out']));
  const started = performance.now();
  const manifest = await generateDataset({
    entities: intFlag('entities', flags['entities']),
    seed: intFlag('seed', flags['seed']),
    out,
    progress: (n, total) =>
      process.stderr.write(`\r  ${n.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} entities`),
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  console.log(
    `Wrote ${manifest.entities.toLocaleString('en-US')} entities and ${manifest.relationships.toLocaleString('en-US')} relationships ` +
      `to ${out} in ${seconds.toFixed(1)} s (${(manifest.relationships / manifest.entities).toFixed(2)} relationships per entity).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
