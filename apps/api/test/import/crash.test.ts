import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTempDataDir, startNeo4jLocal, type Neo4jLocal } from '@explorer/neo4j-local';
import { readShippedDataset } from '@explorer/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../src/db/database.ts';
import { toNumber } from '../../src/db/mapping.ts';
import { applySchema } from '../../src/db/schema.ts';
import { importFile } from '../../src/import/import-procurements.ts';
import { ImportUndoFailedError } from '../../src/import/import-run.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { prepareDatabase } from '../../src/startup.ts';
import { graphChecksum } from '../support/stack.ts';

// kill -9 of the importing process, of the database, or of both, at several points of an import:
// the next start-up preparation must leave the graph exactly as it was before the import.

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../support/import-child.ts', import.meta.url));
/** A small file in many batches: about 70 write batches of 10 rows. */
const BATCH_ROWS = 10;
const ROWS = 120;

let neo4j: Neo4jLocal;
let db: Database;
let workDir: string;
let file: string;

/** The database of this file: its own, since it is killed, restarted and written. */
async function startDatabase(dataDir: string): Promise<void> {
  neo4j = await startNeo4jLocal({ dataDir, boltPort: 0, removeDataDirOnStop: true, heapMb: 512 });
  db = connect({ uri: neo4j.uri, ...neo4j.auth });
}

async function killDatabase(): Promise<void> {
  process.kill(neo4j.pid, 'SIGKILL');
  await neo4j.exited;
  await db.close();
}

/** Starts the database again on its data, as after a crash, and prepares it as the API does at start. */
async function restartAndPrepare(): Promise<void> {
  await startDatabase(neo4j.dataDir);
  await prepareDatabase(db, null, () => undefined);
}

async function count(cypher: string): Promise<number> {
  const { records } = await db.driver.executeQuery(cypher, {}, { database: db.database });
  return toNumber(records[0]?.get(0) ?? -1);
}
const undoRecords = () => count('MATCH (u:ImportUndo) RETURN count(u)');

/** Polls until `check` holds while the importer runs, failing when it exits first or after a minute. */
async function until(importer: ChildProcess, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (importer.exitCode !== null) throw new Error(`the importer exited (${importer.exitCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The import in a process of its own (import-child.ts), against this file's database. */
function startImporter(mode: 'hang-after' | 'fail-after', at: number | 'last'): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, neo4j.uri, neo4j.dataDir, file, String(BATCH_ROWS), mode, String(at)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.resume();
  return child;
}

async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid as number, 'SIGKILL');
    await exited;
  }
}

/** Waits for the importer to have written `batches` batches (hang-after: it stops dead there). */
async function writtenBatches(child: ChildProcess, batches: number | 'last'): Promise<void> {
  if (batches === 'last') {
    // Hung after its last batch: the undo log stops growing.
    let last = -1;
    await until(
      child,
      async () => {
        const now = await undoRecords();
        const still = now > 0 && now === last;
        last = now;
        if (!still) await sleep(300);
        return still;
      },
      'the last batch',
    );
  } else await until(child, async () => (await undoRecords()) >= batches, `${batches} batches`);
}

/** Lets the importer fail after its last batch and waits until it has undone some batches, not all. */
async function midUndo(child: ChildProcess): Promise<number> {
  let most = 0;
  await until(
    child,
    async () => {
      const now = await undoRecords();
      most = Math.max(most, now);
      return most > 10 && now > 0 && now < most - 2;
    },
    'the undo',
  );
  return most;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'explorer-crash-'));
  file = path.join(workDir, 'crash.csv');
  const header = 'buyer,supplier,manufacturer,product,quantity,date,source_url';
  const lines = Array.from(
    { length: ROWS },
    (_, i) =>
      `Crash County ${i % 30} Public Security Bureau,Crash Trading ${i % 20} Co.,Seagate Technology Holdings,` +
      `Crash drive model ${i % 10},${1 + (i % 7)},2021-03-${String(1 + (i % 28)).padStart(2, '0')},` +
      `https://example.org/notice/crash/${i}`,
  );
  await writeFile(file, [header, ...lines].join('\n'));
  await startDatabase(await createTempDataDir('explorer-crash-db-'));
  await applySchema(db);
  await loadDataset(db, await readShippedDataset('report-2022'));
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('an import killed with kill -9', { timeout: 120_000 }, () => {
  describe('the importing process', () => {
    for (const at of [1, 5, 'last'] as const) {
      it(`after ${at === 'last' ? 'its last batch, before the commit record' : `${at} batch(es)`}`, async () => {
        const before = await graphChecksum(db);
        const child = startImporter('hang-after', at);
        try {
          await writtenBatches(child, at);
        } finally {
          await killProcess(child);
        }
        expect(await graphChecksum(db)).not.toBe(before);
        await prepareDatabase(db, null, () => undefined);
        expect(await graphChecksum(db)).toBe(before);
      });
    }

    it('while it takes its own batches out after a failure', async () => {
      const before = await graphChecksum(db);
      const child = startImporter('fail-after', 'last');
      let most: number;
      try {
        most = await midUndo(child);
      } finally {
        await killProcess(child);
      }
      // Killed halfway through its undo.
      const left = await undoRecords();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(most);
      await prepareDatabase(db, null, () => undefined);
      expect(await graphChecksum(db)).toBe(before);
    });
  });

  describe('the database, under a living importer', () => {
    for (const at of [3, 'last'] as const) {
      it(`after ${at === 'last' ? 'the last batch, before the commit record' : `${at} batches`}`, async () => {
        const before = await graphChecksum(db);
        let batches = 0;
        const imported = importFile(db, 'crash.csv', await readFile(file), {
          batchRows: BATCH_ROWS,
          onProgress: ({ phase, done, total }) => {
            if (phase !== 'write' || done === 0) return;
            batches++;
            if (at === 'last' ? done === total : batches === at) process.kill(neo4j.pid, 'SIGKILL');
          },
        });
        // Its undo cannot reach the database either: it gives the run up, still alive itself.
        await expect(imported).rejects.toBeInstanceOf(ImportUndoFailedError);
        await neo4j.exited;
        await db.close();
        await restartAndPrepare();
        expect(await graphChecksum(db)).toBe(before);
      });
    }
  });

  describe('both', () => {
    it('after 5 batches', async () => {
      const before = await graphChecksum(db);
      const child = startImporter('hang-after', 5);
      try {
        await writtenBatches(child, 5);
      } finally {
        await killProcess(child);
      }
      await killDatabase();
      await restartAndPrepare();
      expect(await graphChecksum(db)).toBe(before);
    });

    it('while the importer takes its batches out', async () => {
      const before = await graphChecksum(db);
      const child = startImporter('fail-after', 'last');
      try {
        await midUndo(child);
      } finally {
        await killProcess(child);
      }
      await killDatabase();
      await restartAndPrepare();
      expect(await graphChecksum(db)).toBe(before);
    });
  });
});
