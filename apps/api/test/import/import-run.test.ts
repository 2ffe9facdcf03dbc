import { spawnSync } from 'node:child_process';
import { readShippedDataset } from '@explorer/seeds';
import { beforeAll, describe, expect, it } from 'vitest';
import { toNumber } from '../../src/db/mapping.ts';
import { applySchema } from '../../src/db/schema.ts';
import { importFile, type ImportProgress } from '../../src/import/import-procurements.ts';
import {
  beginImportRun,
  IMPORT_RUN_BEAT_MS,
  IMPORT_RUN_STALE_MS,
  ImportBusyError,
  recoverImportRuns,
} from '../../src/import/import-run.ts';
import { WRITE_BATCH } from '../../src/import/write-plan.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { graphChecksum } from '../support/stack.ts';

// Files bigger than one write batch: the import commits batch by batch and must still be all or nothing.
const db = useOwnDatabase('explorer-import-run-');

beforeAll(async () => {
  await applySchema(db());
  await loadDataset(db(), await readShippedDataset('report-2022'));
});

/** A procurement CSV of `rows` purchases of drives made by the seeded Seagate, each with its own notice. */
function bigFile(tag: string, rows = WRITE_BATCH + 200): Uint8Array {
  const header = 'buyer,supplier,manufacturer,product,quantity,date,source_url';
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `${tag} County ${i % 300} Public Security Bureau,${tag} Trading ${i % 200} Co.,Seagate Technology Holdings,` +
      `${tag} drive model ${i % 50},${1 + (i % 7)},2021-03-${String(1 + (i % 28)).padStart(2, '0')},` +
      `https://example.org/notice/${tag}/${i}`,
  );
  return new TextEncoder().encode([header, ...lines].join('\n'));
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await db().driver.executeQuery(cypher, params, { database: db().database });
  return toNumber(records[0]?.get(0) ?? -1);
}

const bookkeeping = () => count('MATCH (n) WHERE n:ImportRun OR n:ImportUndo RETURN count(n)');
const seagateSources = () => count(`MATCH (c:Company {name: 'Seagate Technology Holdings'}) RETURN size(c.sourceIds)`);

// Each test writes a few thousand elements: generous limits for a busy two-core CI machine.
describe('an import bigger than one write batch', { timeout: 180_000 }, () => {
  it('dry-runs with the exact counts of the real import, writing nothing', async () => {
    const before = await graphChecksum(db());
    const dry = await importFile(db(), 'dry.csv', bigFile('Dry'), { dryRun: true });
    expect(await graphChecksum(db())).toBe(before);
    expect(dry.counts.entitiesCreated).toMatchObject({ Procurement: WRITE_BATCH + 200, Source: WRITE_BATCH + 201 });
    expect(dry.counts.entitiesMatched).toMatchObject({ Company: 1 });

    const real = await importFile(db(), 'dry.csv', bigFile('Dry'));
    expect(real.counts).toEqual(dry.counts);
    expect(real.firstImport).toBe(true);
    expect(await bookkeeping()).toBe(0);
    // Once imported, a dry run of the same file finds everything there: it would create nothing.
    const again = await importFile(db(), 'dry.csv', bigFile('Dry'), { dryRun: true });
    expect(again.counts.entitiesCreated).toEqual({});
    expect(again.counts.relationshipsCreated).toEqual({});
    expect(again.firstImport).toBe(false);
  });

  it('re-imports over a graph that states one fact twice, matching it without losing an end', async () => {
    // Two MANUFACTURES between the same maker and product (a seed and a hand edit, say).
    await db().driver.executeQuery(
      `MATCH (m:Company {name: 'Seagate Technology Holdings'})-[r:MANUFACTURES]->
             (p:Product {name: 'Dry drive model 0 (Seagate Technology Holdings)'})
       CREATE (m)-[:MANUFACTURES {id: 'rel-duplicate-test', sourceIds: r.sourceIds}]->(p)`,
      {},
      { database: db().database },
    );
    const again = await importFile(db(), 'dry.csv', bigFile('Dry'));
    expect(again.counts.relationshipsCreated).toEqual({});
    expect(again.counts.relationshipsMatched).toMatchObject({ MANUFACTURES: 50 });
    expect(await bookkeeping()).toBe(0);
  });

  it('fails after some batches committed and takes every one out: the graph is exactly as it was', async () => {
    const before = await graphChecksum(db());
    const seagateBefore = await seagateSources();
    const phases: ImportProgress[] = [];
    const error = await importFile(db(), 'fails.csv', bigFile('Fails'), {
      onProgress: (p) => {
        phases.push({ type: 'progress', ...p });
        // The third batch has committed: entities and citations on the seeded Seagate are in the database.
        if (p.phase === 'write' && p.done > 2 * WRITE_BATCH) throw new Error('the client went away');
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('the client went away');
    expect(phases.filter((p) => p.phase === 'write').length).toBeGreaterThan(2);
    expect(await graphChecksum(db())).toBe(before);
    expect(await seagateSources()).toBe(seagateBefore);
    expect(await bookkeeping()).toBe(0);
  });

  it('fails after its last batch, before the commit, and takes out the relationships it created too', async () => {
    const before = await graphChecksum(db());
    const error = await importFile(db(), 'late.csv', bigFile('Late'), {
      onProgress: (p) => {
        // Every batch, the relationships' last, has committed.
        if (p.phase === 'write' && p.total > 0 && p.done === p.total) throw new Error('the client went away');
      },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('the client went away');
    expect(await graphChecksum(db())).toBe(before);
    expect(await bookkeeping()).toBe(0);
  });

  it('refuses a second import while one is writing, and takes out at once a run whose process died', async () => {
    const before = await graphChecksum(db());
    // A run that wrote one batch and then its process died (it never commits or undoes).
    const dead = await beginImportRun(db(), { sha256: 'dead', fileName: 'dead.csv', importedBy: null });
    await dead.batch(async (tx) => {
      await tx.run(
        `CREATE (:Entity:Company {id: 'dead-run-company', name: 'Written by a dead run', aliases: [],
                 sourceIds: ['src-dead'], group: false, synthetic: false})`,
      );
      return { value: undefined, undo: { ...NO_UNDO, createdNodes: ['dead-run-company'] } };
    });

    // While its owner lives, another import is refused and writes nothing.
    const busy = await importFile(db(), 'second.csv', bigFile('Second', 10)).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(ImportBusyError);
    expect((busy as ImportBusyError).fileName).toBe('dead.csv');
    expect(await count(`MATCH (n:Entity {id: 'dead-run-company'}) RETURN count(n)`)).toBe(1);

    // Its owner is now a process of this host that is gone: its beat is fresh, but the next import
    // takes its writes out before writing its own, without waiting for the beat to go stale.
    await setOwner(dead.id, { ownerPid: deadPid(), ownerToken: 'a-process-that-died' });
    const result = await importFile(db(), 'second.csv', bigFile('Second', 10));
    expect(result.counts.entitiesCreated).toMatchObject({ Procurement: 10 });
    expect(await count(`MATCH (n:Entity {id: 'dead-run-company'}) RETURN count(n)`)).toBe(0);
    expect(await bookkeeping()).toBe(0);
    // And the dead run, taken out, can write no more.
    await expect(dead.batch(async () => ({ value: undefined, undo: NO_UNDO }))).rejects.toThrow(/taken out/);
    expect(await graphChecksum(db())).not.toBe(before);
  });

  it('recovery leaves a live run alone and takes out a run of another host once its beat is stale', async () => {
    const before = await graphChecksum(db());
    const [seagate] = (
      await db().driver.executeQuery(
        `MATCH (c:Company {name: 'Seagate Technology Holdings'}) RETURN c.id AS id, c.sourceIds AS sourceIds, c.importedFrom AS importedFrom`,
        {},
        { database: db().database },
      )
    ).records;
    const old = {
      id: String(seagate?.get('id')),
      sourceIds: seagate?.get('sourceIds') as string[],
      importedFrom: seagate?.get('importedFrom') as string[] | null,
    };
    const dead = await beginImportRun(db(), { sha256: 'dead2', fileName: 'dead2.csv', importedBy: null });
    await dead.batch(async (tx) => {
      await tx.run(`MATCH (c:Entity {id: $id}) SET c.sourceIds = c.sourceIds + 'src-dead2'`, { id: old.id });
      return { value: undefined, undo: { ...NO_UNDO, changedNodes: [old] } };
    });
    expect(await seagateSources()).toBe(old.sourceIds.length + 1);
    expect(await recoverImportRuns(db())).toBe(0); // live in this very process: left alone

    // Owned by another host, which stopped beating a little less than the stale limit ago.
    await setOwner(dead.id, { ownerHost: 'another-host', ownerPid: 1, ownerToken: 'another-process' });
    await setBeat(dead.id, Date.now() - IMPORT_RUN_STALE_MS + 2_000);
    expect(await recoverImportRuns(db())).toBe(0); // its beat is fresh: only watching can tell
    // Start-up watches it: it does not beat again, so once stale it is taken out, before serving.
    const started = Date.now();
    expect(await recoverImportRuns(db(), { watchOthers: true })).toBe(1);
    expect(Date.now() - started).toBeLessThan(IMPORT_RUN_STALE_MS);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('start-up leaves a run of another host that still beats to its owner, without waiting long', async () => {
    const live = await beginImportRun(db(), { sha256: 'elsewhere', fileName: 'elsewhere.csv', importedBy: null });
    await setOwner(live.id, { ownerHost: 'another-host', ownerPid: 1, ownerToken: 'another-process' });
    // Its owner on the other host beats.
    const beats = setInterval(() => void setBeat(live.id, Date.now()), 1_000);
    try {
      const started = Date.now();
      expect(await recoverImportRuns(db(), { watchOthers: true })).toBe(0);
      expect(Date.now() - started).toBeLessThan(3 * IMPORT_RUN_BEAT_MS);
      expect(await count(`MATCH (r:ImportRun {id: '${live.id}'}) RETURN count(r)`)).toBe(1);
    } finally {
      clearInterval(beats);
    }
    await setBeat(live.id, 0);
    expect(await recoverImportRuns(db())).toBe(1);
    expect(await bookkeeping()).toBe(0);
  });
});

const NO_UNDO = { createdNodes: [], createdRelationships: [], changedNodes: [], changedRelationships: [] };

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

async function setOwner(run: string, owner: Record<string, string | number>): Promise<void> {
  await db().driver.executeQuery(
    `MATCH (r:ImportRun {id: $run}) SET r += $owner`,
    { run, owner },
    { database: db().database },
  );
}

async function setBeat(run: string, at: number): Promise<void> {
  await db().driver.executeQuery(
    `MATCH (r:ImportRun {id: $run}) SET r.heartbeatAt = $at`,
    { run, at: new Date(at).toISOString() },
    { database: db().database },
  );
}
