import { readdir, readFile, rm } from 'node:fs/promises';
import { createTempDataDir } from '@explorer/neo4j-local';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { importFile } from '../src/import/import-procurements.ts';
import { ImportUndoFailedError } from '../src/import/import-run.ts';
import { prepareDatabase } from '../src/startup.ts';
import { buildTestApp, graphChecksum } from './support/stack.ts';

// The API's own embedded database, as `npm start` opens it, killed under a running app.
describe('a dead embedded database', () => {
  let dataDir: string;
  let db: Database;
  let app: FastifyInstance;
  const reports: string[] = [];
  const statusDuringRecovery: string[] = [];

  beforeAll(async () => {
    dataDir = await createTempDataDir('explorer-supervision-');
    const config = loadConfig({
      NEO4J_LOCAL_DATA_DIR: dataDir,
      NEO4J_LOCAL_BOLT_PORT: '0',
      NEO4J_LOCAL_HEAP_MB: '512',
      SEED_ON_START: 'report-2022',
    });
    db = await openDatabase(config, {
      report: (message) => reports.push(message),
      afterRestart: async (restarted) => {
        statusDuringRecovery.push(restarted.status());
      },
    });
    await prepareDatabase(db, config.seedOnStart, () => undefined);
    app = await buildTestApp(db);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const health = async () => (await app.inject({ method: 'GET', url: '/api/health' })).json<{ neo4j: string }>();
  const entity = () => app.inject({ method: 'GET', url: '/api/entities/no-such-entity' });

  it('is restarted by the API itself, which answers 503 with Retry-After meanwhile and again within 30 s', async () => {
    expect((await entity()).statusCode).toBe(404);
    const supervisor = db.embedded;
    if (!supervisor) throw new Error('expected an embedded database');
    const killed = supervisor.instance;
    process.kill(killed.pid, 'SIGKILL');
    const killedAt = Date.now();
    await killed.exited;

    expect((await health()).neo4j).toBe('restarting');
    const refused = await entity();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json()).toMatchObject({ error: { code: 'database_unavailable' } });

    let answered: number | null = null;
    while (Date.now() - killedAt < 30_000) {
      if ((await entity()).statusCode === 404) {
        answered = Date.now() - killedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(answered, 'the API answered again within 30 s').not.toBeNull();
    expect((await health()).neo4j).toBe('up');
    expect(supervisor.instance.pid).not.toBe(killed.pid);
    // Recovery ran before the database counted as up again.
    expect(statusDuringRecovery).toEqual(['restarting']);
    expect(reports.join('\n')).toMatch(new RegExp(`pid ${killed.pid}\\) was killed by SIGKILL; restarting it`));
    expect(reports.join('\n')).toMatch(/is back/);
  }, 60_000);

  it('takes out what an import had written when the database died under it, once it is back', async () => {
    const supervisor = db.embedded;
    if (!supervisor) throw new Error('expected an embedded database');
    const before = await graphChecksum(db);
    const rows = Array.from(
      { length: 60 },
      (_, i) => `Supervised County ${i % 20} Public Security Bureau,Supervised Trading ${i % 10} Co.,Drive ${i}`,
    );
    const csv = Buffer.from(['buyer,supplier,product', ...rows].join('\n'));
    let batches = 0;
    const failure = await importFile(db, 'supervised.csv', csv, {
      batchRows: 5,
      // After three batches the database dies and the import fails there: its undo meets a dead database.
      onProgress: ({ phase, done }) => {
        if (phase !== 'write' || done === 0 || ++batches !== 3) return;
        process.kill(supervisor.instance.pid, 'SIGKILL');
        throw new Error('failed on purpose');
      },
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String(failure)).toMatch(/failed on purpose/);
    // The import undid its own batches on the restarted database instead of giving up on them.
    expect(failure).not.toBeInstanceOf(ImportUndoFailedError);
    expect(db.status()).toBe('up');
    expect(await graphChecksum(db)).toBe(before);
  }, 120_000);

  it('closes without leaving a JVM behind when it is closed in the middle of a restart', async () => {
    const supervisor = db.embedded;
    if (!supervisor) throw new Error('expected an embedded database');
    process.kill(supervisor.instance.pid, 'SIGKILL');
    await supervisor.instance.exited;
    // Past the first back-off (0.5 s), a new JVM is starting: close() waits for it and stops it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await db.close();
    expect(await javaProcessesUsing(dataDir)).toEqual([]);
  }, 120_000);
});

/** Process ids of JVMs whose command line names the folder. */
async function javaProcessesUsing(folder: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes('java') && commandLine.includes(folder)) pids.push(Number(entry));
  }
  return pids;
}
