// npm run bench -- --size 10k|100k|1m [--iterations N]
import { runBench } from '../measure/run-bench.ts';
import { BENCH_DIR, SIZES, type SizeName } from '../workspace.ts';
import { intFlag, readFlags } from './args.ts';

const USAGE = `Usage: npm run bench -- --size 10k|100k|1m [--iterations 30] [--seed 42]
          [--concurrency 1,8,32] [--cell-seconds 10] [--mixed-rate 200] [--mixed-seconds <by size>]
          [--import-rows 100k]
Generates (cached in .bench/data), loads (cached in .bench/db) and measures; results in .bench/results/.`;

async function main(): Promise<void> {
  const flags = readFlags(USAGE, {
    size: { type: 'string', default: '10k' },
    iterations: { type: 'string', default: '30' },
    seed: { type: 'string', default: '42' },
    concurrency: { type: 'string', default: '1,8,32' },
    'cell-seconds': { type: 'string', default: '10' },
    'mixed-rate': { type: 'string', default: '200' },
    'mixed-seconds': { type: 'string' },
    'import-rows': { type: 'string', default: '100k' },
    help: { type: 'boolean' },
  });
  const sizeName = String(flags['size']).toLowerCase();
  if (!(sizeName in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const size = SIZES[sizeName as SizeName];
  const { report, markdown, files } = await runBench({
    size: sizeName,
    entities: size.entities,
    seed: intFlag('seed', flags['seed']),
    iterations: intFlag('iterations', flags['iterations']),
    concurrency: String(flags['concurrency'])
      .split(',')
      .map((c) => intFlag('concurrency', c)),
    cellSeconds: intFlag('cell-seconds', flags['cell-seconds']),
    mixed: {
      rate: intFlag('mixed-rate', flags['mixed-rate']),
      seconds: intFlag('mixed-seconds', flags['mixed-seconds'], size.mixedSeconds),
    },
    importRows: intFlag('import-rows', flags['import-rows']),
    heapMb: size.heapMb,
    pageCacheMb: size.pageCacheMb,
    root: BENCH_DIR,
    log: (line) => console.error(line),
  });
  console.log(markdown);
  console.log(`Written: ${files.json}\n         ${files.markdown}`);
  const missed = report.targets.filter((t) => t.met === false).length;
  if (missed > 0) console.log(`${missed} target(s) missed at this size (benchmarks never fail a build on time).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
