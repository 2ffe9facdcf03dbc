// An import run: how a file too big for one transaction is still all or nothing.
//
// The writes go in batches, each its own transaction, and each batch records in that same
// transaction what undoing it needs (an :ImportUndo: what it created, and the old citation lists
// of what it added to). The run commits by recording the :Import; until then a failure takes every
// batch out again, newest first. A run whose process died keeps its undo log and stops beating; the
// next import (or the API at start) finds it stale and takes it out. One run writes at a time.
import { randomUUID } from 'node:crypto';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import {
  BEGIN_IMPORT_RUN,
  DELETE_IMPORT_RUN,
  DELETE_IMPORT_UNDO,
  FORGET_IMPORT_UNDO,
  IMPORT_RUN_CONSTRAINTS,
  LAST_IMPORT_UNDO,
  MARK_IMPORT_RUN_DONE,
  RECORD_IMPORT_UNDO,
  RESTORE_NODE_CITATIONS,
  RESTORE_RELATIONSHIP_CITATIONS,
  UNDO_CREATED_NODES,
  UNDO_CREATED_RELATIONSHIPS,
  UNFINISHED_IMPORT_RUNS,
} from './queries.ts';

/** A run that has not beaten for this long is taken for dead. Batches take seconds, not minutes. */
export const IMPORT_RUN_STALE_MS = 120_000;

/** Another import is writing: one run at a time, so that undoing one can never undo another's work. */
export class ImportBusyError extends Error {
  constructor(readonly fileName: string) {
    super(`another import ("${fileName}") is writing to the database; try again when it is done`);
    this.name = 'ImportBusyError';
  }
}

/**
 * An import failed and taking its batches out failed too (the database went away): the run stays
 * marked as writing, stops beating, and the next import or API start takes it out.
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
const staleBefore = () => new Date(Date.now() - IMPORT_RUN_STALE_MS).toISOString();

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

/** Takes out one run's batches, newest first; each batch's undo is one transaction, so it can resume. */
async function undoRun(db: Database, run: string): Promise<void> {
  for (;;) {
    const done = await write(db, async (tx) => {
      const [last] = (await tx.run(LAST_IMPORT_UNDO, { run })).records;
      if (!last) return true;
      const changed = JSON.parse(String(last.get('changed'))) as Pick<
        BatchUndo,
        'changedNodes' | 'changedRelationships'
      >;
      await tx.run(UNDO_CREATED_RELATIONSHIPS, { elementIds: last.get('createdRelationships') });
      await tx.run(UNDO_CREATED_NODES, { ids: last.get('createdNodes') });
      await tx.run(RESTORE_NODE_CITATIONS, { rows: changed.changedNodes });
      await tx.run(RESTORE_RELATIONSHIP_CITATIONS, { rows: changed.changedRelationships });
      await tx.run(DELETE_IMPORT_UNDO, { run, seq: last.get('seq'), now: nowIso() });
      return false;
    });
    if (done) break;
  }
  await write(db, (tx) => tx.run(DELETE_IMPORT_RUN, { run }));
}

/** Forgets a committed run's undo log, a thousand records a transaction. */
async function forgetRun(db: Database, run: string): Promise<void> {
  for (;;) {
    const result = await write(db, (tx) => tx.run(FORGET_IMPORT_UNDO, { run }));
    if (toNumber(result.records[0]?.get('deleted') ?? 0) === 0) break;
  }
  await write(db, (tx) => tx.run(DELETE_IMPORT_RUN, { run }));
}

/**
 * Takes out what dead runs wrote and forgets committed runs' undo logs. Safe while another run is
 * live: only stale or finished runs are touched. Returns how many runs were taken out.
 */
export async function recoverImportRuns(db: Database): Promise<number> {
  await ensureConstraints(db);
  const { records } = await db.driver.executeQuery(
    UNFINISHED_IMPORT_RUNS,
    { staleBefore: staleBefore() },
    { database: db.database },
  );
  let undone = 0;
  for (const r of records) {
    const id = String(r.get('id'));
    if (r.get('state') === 'done') await forgetRun(db, id);
    else {
      await undoRun(db, id);
      undone++;
    }
  }
  return undone;
}

/** Starts a run (ImportBusyError when another is live), after taking out any dead run's writes. */
export async function beginImportRun(
  db: Database,
  file: { sha256: string; fileName: string; importedBy: string | null },
): Promise<ImportRun> {
  await ensureConstraints(db);
  const id = randomUUID();
  let busyWith: unknown;
  try {
    const { records } = await db.driver.executeQuery(
      BEGIN_IMPORT_RUN,
      { run: id, now: nowIso(), staleBefore: staleBefore(), ...file },
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
  await recoverImportRuns(db);

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
      const value = await write(db, async (tx) => {
        const marked = await tx.run(MARK_IMPORT_RUN_DONE, { run: id, now: nowIso() });
        // Taken for dead (a pause longer than the stale limit) and undone by another import: stop.
        if (toNumber(marked.records[0]?.get('marked') ?? 0) !== 1) throw new Error('the import run was taken out');
        return record(tx);
      });
      // The import is in; forgetting its undo log may fail without harm (the next recovery does it).
      await forgetRun(db, id).catch(() => undefined);
      return value;
    },
    undo: () => undoRun(db, id),
  };
}
