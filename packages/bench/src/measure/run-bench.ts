import { mkdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@explorer/api';
import { generateDataset } from '../generate/generate.ts';
import { readManifest } from '../generate/check.ts';
import { type Manifest } from '../generate/manifest.ts';
import { checkTargets } from '../report/targets.ts';
import { toMarkdown } from '../report/format.ts';
import { type BenchReport, type OperationResult } from '../report/types.ts';
import { DEFAULT_SECTIONS, type SectionProvider } from '../sections/index.ts';
import { runSections } from '../sections/run-sections.ts';
import { benchPaths } from '../workspace.ts';
import { startApiProcess } from './api-process.ts';
import { runClosedLoop } from './closed-loop.ts';
import { ApiClient, errorKind } from './http.ts';
import { peakRssMb, resetPeakRss } from './memory.ts';
import { runOpenLoop } from './open-loop.ts';
import { browseMix, operations } from './operations.ts';
import { chooseProbes, PATH_HOPS } from './probes.ts';
import { RawReader } from './raw-queries.ts';
import { forgetLoadedDatabase, openBenchDatabase, type BenchDatabase } from './stack.ts';

export interface BenchOptions {
  /** "10k", "100k", "1m", or a label for a custom size. */
  size: string;
  entities: number;
  seed: number;
  /** Requests per worker in each cell (operation × concurrency × API/raw). */
  iterations: number;
  concurrency: number[];
  /** A cell stops starting requests after this long, so slow operations do not stall the run. */
  cellSeconds: number;
  mixed: { rate: number; seconds: number };
  heapMb: number;
  pageCacheMb: number;
  queryTimeoutMs?: number;
  /** Folder for cached datasets, databases and results (the repo's .bench/ for the CLI). */
  root: string;
  /** Elements (nodes + edges + cited sources) the measured export aims at; default 10,000. */
  exportElements?: number;
  /** Rows of the import benchmark's generated CSV; default 100,000. */
  importRows?: number;
  /** A database the caller opened (and will stop) with openBenchDatabase, instead of opening one here. */
  database?: BenchDatabase;
  sections?: readonly SectionProvider[];
  log?: (line: string) => void;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function ensureDataset(dir: string, options: BenchOptions, log: (l: string) => void): Promise<Manifest> {
  if (await exists(path.join(dir, 'manifest.json'))) {
    log(`Reusing the dataset in ${dir}`);
    return readManifest(dir);
  }
  log(`Generating ${options.entities.toLocaleString('en-US')} entities (seed ${options.seed}) into ${dir} …`);
  return generateDataset({ entities: options.entities, seed: options.seed, out: dir });
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');

/**
 * The whole benchmark: dataset (cached), database (cached once loaded), the API in this process, then
 * every operation at every concurrency through the API and with the bare driver, the mixed browse
 * load, peak memory, and the report (JSON + Markdown under `<root>/results/`).
 */
export async function runBench(
  options: BenchOptions,
): Promise<{ report: BenchReport; markdown: string; files: { json: string; markdown: string } }> {
  const log = options.log ?? (() => {});
  const started = new Date();
  const loadAverageStart = os.loadavg();
  const queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
  const paths = benchPaths(options.root, options.entities, options.seed);
  const manifest = await ensureDataset(paths.dataset, options, log);

  log(`Opening the database in ${paths.database} …`);
  const database =
    options.database ??
    (await openBenchDatabase({
      dir: paths.database,
      datasetDir: paths.dataset,
      heapMb: options.heapMb,
      pageCacheMb: options.pageCacheMb,
      log,
    }));
  const stopDatabase = () => (options.database ? Promise.resolve() : database.stop());
  const target = { uri: database.neo4j.uri, ...database.neo4j.auth };
  const maxConcurrency = Math.max(...options.concurrency);
  const api = await startApiProcess({ target, queryTimeoutMs, maxConcurrency }).catch(async (error: unknown) => {
    await stopDatabase();
    throw error;
  });
  const rawDb = connect(target);
  try {
    const raw = new RawReader(rawDb.driver, rawDb.database, queryTimeoutMs);
    const client = new ApiClient(api.baseUrl);
    log('Choosing probes (path pairs, export ids) …');
    const probes = await chooseProbes(raw, manifest, options.exportElements);
    const pathLengths: Record<string, Array<number | null>> = {};
    for (const hops of PATH_HOPS) {
      pathLengths[String(hops)] = [];
      for (const { from, to } of probes.paths[hops]) pathLengths[String(hops)]?.push(await raw.paths(from, to, hops));
    }
    const ops = operations(client, raw, probes);

    // Every input once, through both: otherwise the API's cell, which runs first, meets each cold input
    // (a search term's postings, an entity's pages) and the raw cell after it finds them warm.
    log('Warming up …');
    for (const op of ops) {
      for (let i = 0; i < Math.max(3, op.inputs); i++) {
        await op.api(i).catch((error: unknown) => log(`  warm-up ${op.name} (API): ${String(error)}`));
        await op.raw(i).catch((error: unknown) => log(`  warm-up ${op.name} (raw): ${String(error)}`));
      }
    }
    // Peak memory from here on belongs to the measurements, not to generating or loading.
    const peakReset =
      (await resetPeakRss(api.pid)) &&
      (await resetPeakRss(process.pid)) &&
      (database.pid === null || (await resetPeakRss(database.pid)));

    const results: OperationResult[] = [];
    const cell = { iterations: options.iterations, maxMs: options.cellSeconds * 1000 };
    for (const op of ops) {
      for (const concurrency of options.concurrency) {
        const apiSummary = await runClosedLoop(op.api, { ...cell, concurrency });
        const rawSummary = await runClosedLoop(op.raw, { ...cell, concurrency });
        const row: OperationResult = {
          name: op.name,
          group: op.group,
          concurrency,
          api: apiSummary,
          raw: rawSummary,
          ratioP50: apiSummary.p50 / rawSummary.p50,
        };
        results.push(row);
        log(
          `  ${op.name.padEnd(48)} c=${String(concurrency).padStart(2)}  API p50 ${apiSummary.p50.toFixed(1)} p95 ${apiSummary.p95.toFixed(1)} ms` +
            `  raw p50 ${rawSummary.p50.toFixed(1)} p95 ${rawSummary.p95.toFixed(1)} ms  ×${row.ratioP50.toFixed(2)}` +
            (apiSummary.errors + rawSummary.errors > 0 ? `  errors ${apiSummary.errors}/${rawSummary.errors}` : ''),
        );
      }
    }

    log(`Mixed browse load: ${options.mixed.rate}/s for ${options.mixed.seconds} s …`);
    const mixed = await runOpenLoop(
      browseMix(client, probes),
      options.mixed.rate,
      options.mixed.seconds,
      undefined,
      errorKind,
    );

    const memory = {
      apiPeakRssMb: await peakRssMb(api.pid),
      databasePeakRssMb: database.pid === null ? null : await peakRssMb(database.pid),
      loadGeneratorPeakRssMb: await peakRssMb(process.pid),
      peakResetAfterLoad: peakReset,
    };
    const apiExit = api.exited();
    if (apiExit)
      log(`The API process ended during the run (code ${apiExit.code}, signal ${apiExit.signal}):\n${apiExit.stderr}`);
    const context = {
      size: options.size,
      entities: manifest.entities,
      dataset: manifest.meta.name,
      relationships: manifest.relationships,
      baseUrl: api.baseUrl,
      neo4jTarget: target,
      importRows: options.importRows,
      invalidateDatabase: () => forgetLoadedDatabase(paths.database),
    };
    // Without the API the sections would only measure its absence.
    const sections = apiExit ? [] : await runSections(options.sections ?? DEFAULT_SECTIONS, context, log);

    const partial: Omit<BenchReport, 'targets'> = {
      format: 'explorer-bench/1',
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      size: options.size,
      seed: manifest.seed,
      entities: manifest.entities,
      relationships: manifest.relationships,
      machine: { cpus: os.cpus().length, node: process.versions.node, loadAverageStart, loadAverageEnd: os.loadavg() },
      database: { heapMb: options.heapMb, pageCacheMb: options.pageCacheMb, queryTimeoutMs },
      load: database.load,
      settings: { iterations: options.iterations, concurrency: options.concurrency, cellSeconds: options.cellSeconds },
      probes: {
        export: {
          nodeIds: probes.exportRequest.nodeIds.length,
          hops: probes.exportRequest.hops,
          nodes: probes.exportRequest.nodes,
          edges: probes.exportRequest.edges,
          sources: probes.exportRequest.sources,
        },
        pathLengths,
      },
      operations: results,
      mixed,
      memory,
      apiExit,
      sections,
    };
    const report: BenchReport = { ...partial, targets: checkTargets(partial) };
    const markdown = toMarkdown(report);
    await mkdir(paths.results, { recursive: true });
    const base = path.join(paths.results, `${options.size}-${stamp(started)}`);
    const files = { json: `${base}.json`, markdown: `${base}.md` };
    await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(files.markdown, markdown);
    return { report, markdown, files };
  } finally {
    await rawDb.close();
    await api.close();
    await stopDatabase();
  }
}
