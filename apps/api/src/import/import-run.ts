// An import run: how a file too big for one transaction is still all or nothing, even through a crash.
//
// The writes go in batches, each its own transaction, and each batch records in that same
// transaction what undoing it needs (an :ImportUndo: what it created, and the old citation lists
// of what it added to). The run commits by recording the :Import; until then a failure takes every
// batch out again, newest first. A run names its owner and beats (import-run-owner.ts); a run whose
// owner died is taken out by whoever finds it first: the API at start (before it serves), the next
// import, or recoverImportRuns after the database was restarted. One run writes (or is undone) at a time.
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import {
  IMPORT_RUN_BEAT_MS,
  IMPORT_RUN_STALE_MS,
  thisProcess,
  type ImportRunOwner,
  type RunOwnerRecord,
} from './import-run-owner.ts';
import {
  BEAT_IMPORT_RUN,
  BEGIN_IMPORT_RUN,
  CLAIM_IMPORT_RUN,
  DELETE_IMPORT_RUN,
  DELETE_IMPORT_UNDO,
  FORGET_IMPORT_UNDO,
  IMPORT_RUN_CONSTRAINTS,
  IMPORT_RUNS,
  LAST_IMPORT_UNDO,
  MARK_IMPORT_RUN_DONE,
  OWN_IMPORT_RUN,
  RECORD_IMPORT_UNDO,
  RESTORE_NODE_CITATIONS,
  RESTORE_RELATIONSHIP_CITATIONS,
  UNDO_CREATED_NODES,
  UNDO_CREATED_RELATIONSHIPS,
} from './queries.ts';

export { IMPORT_RUN_BEAT_MS, IMPORT_RUN_STALE_MS };

/** Another import is writing: one run at a time, so that undoing one can never undo another's work. */
export class ImportBusyError extends Error {
  constructor(readonly fileName: string) {
    super(`another import ("${fileName}") is writing to the database; try again when it is done`);
    this.name = 'ImportBusyError';
  }
}

/**
 * An import failed and taking its batches out failed too (the database went away): the run is no
 * longer live in this process, so the next import, API start or recoverImportRuns takes it out.
 */
export class ImportUndoFailedError extends Error {
  constructor(
    readonly failure: unknown,
    readonly undoFailure: unknown,
  ) {
    super(
      `the import failed (${String(failure)}) and taking out what it had written failed too (${String(undoFailure)}); ` +
        'the next import or a restart of the API takes it out',
    );
    this.name = 'ImportUndoFailedError';
  }
}

/** The old citation lists of an element a batch added to; null lists were absent. */
interface ChangedNode {
  id: string;
  sourceIds: string[] | null;
  importedFrom: string[] | null;
}
interface ChangedRelationship {
  elementId: string;
  sourceIds: string[] | null;
  importedFrom: string[] | null;
}

/** What one batch did, as its statement returned it. */
export interface BatchUndo {
  createdNodes: string[];
  createdRelationships: string[];
  changedNodes: ChangedNode[];
  changedRelationships: ChangedRelationship[];
}

type Tx = Pick<ManagedTransaction, 'run'>;

export interface ImportRun {
  readonly id: string;
  /** Runs one batch in its own transaction, recording its undo there too. */
  batch<T>(write: (tx: Tx) => Promise<{ value: T; undo: BatchUndo }>): Promise<T>;
  /** Commits the run: `record` writes the import's own record, in the transaction that marks it done. */
  commit<T>(record: (tx: Tx) => Promise<T>): Promise<T>;
  /** Takes out every batch written so far (after a failure). */
  undo(): Promise<void>;
}

const isNeo4jError = (error: unknown): error is Neo4jError => error instanceof Neo4jError;
const nowIso = () => new Date().toISOString();

let constraints: Promise<void> | null = null;
function ensureConstraints(db: Database): Promise<void> {
  constraints ??= (async () => {
    for (const statement of IMPORT_RUN_CONSTRAINTS) {
      await db.driver.executeQuery(statement, {}, { database: db.database });
    }
  })().catch((error: unknown) => {
    constraints = null;
    throw error;
  });
  return constraints;
}

async function write<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

/**
 * Takes out one run's batches, newest first; each batch's undo is one transaction, so it can resume.
 * Each step first checks the run is still this owner's: one taken over is its new owner's to finish.
 */
async function undoRun(db: Database, run: string, owner: ImportRunOwner): Promise<void> {
  for (;;) {
    const step = await write(db, async (tx) => {
      const mine = await tx.run(OWN_IMPORT_RUN, { run, ownerToken: owner.token, now: nowIso() });
      if (toNumber(mine.records[0]?.get('mine') ?? 0) !== 1) return 'not mine';
      const [last] = (await tx.run(LAST_IMPORT_UNDO, { run })).records;
      if (!last) return 'done';
      const changed = JSON.parse(String(last.get('changed'))) as Pick<
        BatchUndo,
        'changedNodes' | 'changedRelationships'
      >;
      await tx.run(UNDO_CREATED_RELATIONSHIPS, { elementIds: last.get('createdRelationships') });
      await tx.run(UNDO_CREATED_NODES, { ids: last.get('createdNodes') });
      await tx.run(RESTORE_NODE_CITATIONS, { rows: changed.changedNodes });
      await tx.run(RESTORE_RELATIONSHIP_CITATIONS, { rows: changed.changedRelationships });
      await tx.run(DELETE_IMPORT_UNDO, { run, seq: last.get('seq') });
      return 'undone';
    });
    if (step === 'not mine') return;
    if (step === 'done') break;
  }
  await write(db, (tx) => tx.run(DELETE_IMPORT_RUN, { run }));
}

/** Beats for a run this process holds, until stopped or until the run is no longer its own. */
function beatFor(db: Database, run: string, owner: ImportRunOwner): () => void {
  owner.hold(run);
  const timer = setInterval(() => {
    db.driver
      .executeQuery(BEAT_IMPORT_RUN, { run, ownerToken: owner.token, now: nowIso() }, { database: db.database })
      .then(
        ({ records }) => {
          if (toNumber(records[0]?.get('beaten') ?? 0) === 0) clearInterval(timer);
        },
        // The database is away: the next beat tries again; the run's own writes fail meanwhile.
        () => undefined,
      );
  }, IMPORT_RUN_BEAT_MS);
  // A beat must never keep a finished process (the CLI) alive.
  timer.unref();
  return () => {
    clearInterval(timer);
    owner.release(run);
  };
}

/** Takes over an ownerless run, as judged from `seen`, and undoes it; false when it was not ownerless after all. */
async function takeOut(db: Database, seen: RunOwnerRecord, owner: ImportRunOwner): Promise<boolean> {
  const { records } = await db.driver.executeQuery(
    CLAIM_IMPORT_RUN,
    {
      run: seen.id,
      seenToken: seen.ownerToken ?? '',
      seenBeat: seen.heartbeatAt ?? '',
      now: nowIso(),
      ...owner.record,
    },
    { database: db.database },
  );
  if (toNumber(records[0]?.get('claimed') ?? 0) !== 1) return false;
  const stop = beatFor(db, seen.id, owner);
  try {
    await undoRun(db, seen.id, owner);
  } finally {
    stop();
  }
  return true;
}

async function listRuns(db: Database): Promise<RunOwnerRecord[]> {
  const { records } = await db.driver.executeQuery(IMPORT_RUNS, {}, { database: db.database });
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return records.map((r) => ({
    id: String(r.get('id')),
    state: String(r.get('state')),
    heartbeatAt: text(r.get('heartbeatAt')),
    ownerHost: text(r.get('ownerHost')),
    ownerPid: r.get('ownerPid') === null ? null : toNumber(r.get('ownerPid')),
    ownerToken: text(r.get('ownerToken')),
  }));
}

/** Forgets a committed run's undo log, a thousand records a transaction. */
async function forgetRun(db: Database, run: string): Promise<void> {
  for (;;) {
    const result = await write(db, (tx) => tx.run(FORGET_IMPORT_UNDO, { run }));
    if (toNumber(result.records[0]?.get('deleted') ?? 0) === 0) break;
  }
  await write(db, (tx) => tx.run(DELETE_IMPORT_RUN, { run }));
}

export interface RecoverOptions {
  /** This process as an owner (default: thisProcess); its live runs are never taken out. */
  owner?: ImportRunOwner;
  /**
   * Watch runs of other processes whose beat is fresh until they beat again (their owner lives: left
   * to it) or go stale (taken out): at most IMPORT_RUN_STALE_MS and a beat. For start-up, so that a
   * run whose host died with this one's database (or whose dead owner's pid was reused) is out before
   * the API serves. Without it they are left.
   */
  watchOthers?: boolean;
}

/**
 * Takes out what runs without a live owner wrote, and forgets committed runs' undo logs. Safe at any
 * time, from any process: runs with a live owner are left alone, and a run is taken out by one
 * process only. Call it at start, and again after restarting a database that died under this
 * process (its runs then are no longer live in it). Returns how many runs were taken out.
 */
export async function recoverImportRuns(db: Database, options: RecoverOptions = {}): Promise<number> {
  const owner = options.owner ?? thisProcess;
  await ensureConstraints(db);
  const deadline = Date.now() + IMPORT_RUN_STALE_MS + IMPORT_RUN_BEAT_MS;
  // Beats first seen of runs owned elsewhere: one that moves proves its owner alive.
  const firstBeats = new Map<string, string | null>();
  let undone = 0;
  for (;;) {
    let watching = false;
    for (const run of await listRuns(db)) {
      if (run.state === 'done') {
        await forgetRun(db, run.id);
        continue;
      }
      const ownership = owner.judge(run);
      if (ownership === 'ownerless') {
        if (await takeOut(db, run, owner)) undone++;
      } else if (ownership !== 'mine' && options.watchOthers) {
        if (!firstBeats.has(run.id)) firstBeats.set(run.id, run.heartbeatAt);
        if (firstBeats.get(run.id) === run.heartbeatAt) watching = true;
      }
    }
    if (!watching || Date.now() > deadline) return undone;
    await sleep(IMPORT_RUN_BEAT_MS);
  }
}

/** How long an undo waits for an embedded database that this process is restarting. */
const RESTART_WAIT_MS = 120_000;

/** Whether the database this process was restarting answers again within RESTART_WAIT_MS. */
async function backUp(db: Database): Promise<boolean> {
  const deadline = Date.now() + RESTART_WAIT_MS;
  while (db.status() === 'restarting') {
    if (Date.now() > deadline) return false;
    await sleep(250);
  }
  return true;
}

/** Starts a run (ImportBusyError when another is live), after taking out any ownerless run's writes. */
export async function beginImportRun(
  db: Database,
  file: { sha256: string; fileName: string; importedBy: string | null },
  owner: ImportRunOwner = thisProcess,
): Promise<ImportRun> {
  await recoverImportRuns(db, { owner });
  const id = randomUUID();
  let busyWith: unknown;
  try {
    const { records } = await db.driver.executeQuery(
      BEGIN_IMPORT_RUN,
      { run: id, now: nowIso(), ...owner.record, ...file },
      { database: db.database },
    );
    busyWith = records[0]?.get('busyWith');
  } catch (error) {
    // Another run took the slot between our look and our write.
    if (isNeo4jError(error) && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new ImportBusyError('another file');
    }
    throw error;
  }
  if (typeof busyWith === 'string') throw new ImportBusyError(busyWith);
  const stopBeating = beatFor(db, id, owner);

  let seq = 0;
  return {
    id,
    batch: (work) => {
      // Numbered before the transaction, so that a retry of it keeps its number.
      const mine = seq++;
      return write(db, async (tx) => {
        const { value, undo } = await work(tx);
        const recorded = await tx.run(RECORD_IMPORT_UNDO, {
          run: id,
          seq: mine,
          now: nowIso(),
          ownerToken: owner.token,
          createdNodes: undo.createdNodes,
          createdRelationships: undo.createdRelationships,
          changed: JSON.stringify({ changedNodes: undo.changedNodes, changedRelationships: undo.changedRelationships }),
        });
        // Throwing rolls this batch back with its record.
        if (recorded.records[0]?.get('alive') !== true) throw new Error('the import run was taken out');
        return value;
      });
    },
    commit: async (record) => {
      // On failure the run stays live (and beating): the caller undoes it.
      const value = await write(db, async (tx) => {
        const marked = await tx.run(MARK_IMPORT_RUN_DONE, { run: id, now: nowIso(), ownerToken: owner.token });
        // Taken for dead (a pause longer than the stale limit) and taken over by another process: stop.
        if (toNumber(marked.records[0]?.get('marked') ?? 0) !== 1) throw new Error('the import run was taken out');
        return record(tx);
      });
      stopBeating();
      // The import is in; forgetting its undo log may fail without harm (the next recovery does it).
      await forgetRun(db, id).catch(() => undefined);
      return value;
    },
    undo: async () => {
      try {
        try {
          await undoRun(db, id, owner);
        } catch (error) {
          // The embedded database died under the import and this process is bringing it back: undo
          // there, while the run is still this process's (the restart's own recovery leaves it alone).
          if (db.status() !== 'restarting' || !(await backUp(db))) throw error;
          await undoRun(db, id, owner);
        }
      } finally {
        // Undone, or given up on (the database went away): from now on recovery may take it out.
        stopBeating();
      }
    },
  };
}
