import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp, connect, LISTEN_BACKLOG, type Database, type DatabaseTarget } from '@explorer/api';
import { prepareNeo4jLocal, startNeo4jLocal, type Neo4jLocal } from '@explorer/neo4j-local';
import type { FastifyInstance } from 'fastify';
import { bulkLoad, type LoadStats } from '../load/bulk-load.ts';
import { offlineImport } from '../load/offline-load.ts';
import { cpuSeconds } from './memory.ts';

/** Written into a database folder after a complete load; without it the folder is thrown away. */
const LOADED_MARKER = 'bench-loaded.json';

export interface DatabaseOptions {
  dir: string;
  datasetDir: string;
  heapMb: number;
  pageCacheMb: number;
  /** How an empty folder is filled: Neo4j's offline importer (default) or Cypher batches over Bolt. */
  loader?: 'admin-import' | 'cypher';
  log: (line: string) => void;
}

/**
 * The load's figures plus the CPU time each side used: on a machine shared with others the wall time
 * says little, CPU seconds say what the load costs. The database's CPU time is the sum of its phases
 * (the importer's process for neo4j-admin; the loader's own CPU includes writing the CSV files).
 */
export type LoadedStats = LoadStats & { reused: boolean; databaseCpuSeconds: number | null; loaderCpuSeconds: number };

export interface BenchDatabase {
  neo4j: Neo4jLocal;
  /** The JVM's pid, for its peak memory. */
  pid: number | null;
  /** The load's figures: measured now, or by the run that loaded this folder. */
  load: LoadedStats;
  stop: () => Promise<void>;
}

/** Makes the next openBenchDatabase reload the folder from scratch. */
export async function forgetLoadedDatabase(dir: string): Promise<void> {
  await rm(path.join(dir, LOADED_MARKER), { force: true });
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/**
 * Opens the embedded database for a dataset: reuses a folder an earlier run loaded completely,
 * otherwise starts from an empty folder and bulk-loads the dataset.
 */
export async function openBenchDatabase(options: DatabaseOptions): Promise<BenchDatabase> {
  const marker = path.join(options.dir, LOADED_MARKER);
  const reused = await exists(marker);
  const loader = options.loader ?? 'admin-import';
  let pid: number | null = null;
  const databaseCpu = async () => (pid === null ? null : cpuSeconds(pid));
  const loaderBefore = process.cpuUsage();
  let offline: Awaited<ReturnType<typeof offlineImport>> | null = null;
  if (!reused) {
    // In a fresh clone the Java side is built and its class archive trained first, outside the
    // load's clock: those are once-per-checkout costs, not the load's.
    await prepareNeo4jLocal();
    await rm(options.dir, { recursive: true, force: true });
    await mkdir(options.dir, { recursive: true });
    if (loader === 'admin-import') {
      options.log(`Importing ${options.datasetDir} with neo4j-admin …`);
      offline = await offlineImport({
        datasetDir: options.datasetDir,
        dataDir: options.dir,
        databaseCpu,
        log: options.log,
      });
    }
  }
  const start = () =>
    startNeo4jLocal({
      dataDir: options.dir,
      boltPort: 0,
      heapMb: options.heapMb,
      pageCacheMb: options.pageCacheMb,
      // Bulk batches on hub nodes, and the heaviest benchmark queries, may take more than the default 30 s.
      txTimeoutSeconds: 300,
      txMaxMb: Math.max(512, Math.floor(options.heapMb / 2)),
    });
  const neo4j = offline ? await offline.clock.time('start the database', start) : await start();
  try {
    pid = neo4j.pid;
    let load: LoadedStats;
    if (reused) {
      load = { ...(JSON.parse(await readFile(marker, 'utf8')) as Omit<LoadedStats, 'reused'>), reused: true };
      options.log(`Reusing the database loaded in ${options.dir}`);
    } else {
      const db = connect({ uri: neo4j.uri, ...neo4j.auth });
      try {
        let stats: LoadStats;
        if (offline) {
          stats = await offline.finish(db.driver);
        } else {
          let last = 0;
          stats = await bulkLoad({
            driver: db.driver,
            dir: options.datasetDir,
            databaseCpu,
            progress: (what, done, total) => {
              if (done - last >= 100_000 || done === total) {
                options.log(`  ${what}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`);
                last = done === total ? 0 : done;
              }
            },
          });
        }
        const loaderCpu = process.cpuUsage(loaderBefore);
        const phaseCpu = stats.phases.flatMap((p) => (p.databaseCpuSeconds === null ? [] : [p.databaseCpuSeconds]));
        const measured = {
          ...stats,
          // Phases without a database process (writing CSV files, starting it) count for nothing.
          databaseCpuSeconds: phaseCpu.length === 0 ? null : phaseCpu.reduce((a, b) => a + b, 0),
          loaderCpuSeconds: (loaderCpu.user + loaderCpu.system) / 1e6,
        };
        await writeFile(marker, `${JSON.stringify(measured, null, 2)}\n`);
        load = { ...measured, reused: false };
      } finally {
        await db.close();
      }
    }
    return { neo4j, pid, load, stop: () => neo4j.stop() };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

export interface BenchApi {
  app: FastifyInstance;
  baseUrl: string;
  db: Database;
  close: () => Promise<void>;
}

/**
 * The real app, in this process, on a loopback port, as main.ts builds it. The console's concurrency
 * cap is raised to the highest measured concurrency: with the default (4) most requests at 8 and 32
 * would be refused with 429, and the benchmark would measure refusals instead of queries.
 */
export async function startBenchApi(
  target: DatabaseTarget,
  queryTimeoutMs: number,
  maxConcurrency: number,
): Promise<BenchApi> {
  const db = connect(target);
  const config = {
    queryTimeoutMs,
    logLevel: 'silent' as const,
    webDistDir: '/nonexistent',
    console: { timeoutMs: queryTimeoutMs, maxRows: 5_000, maxConcurrent: maxConcurrency, maxResponseBytes: 5_000_000 },
  };
  const app = await buildApp({ config, db, version: 'bench' });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0, backlog: LISTEN_BACKLOG });
  return {
    app,
    baseUrl,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
