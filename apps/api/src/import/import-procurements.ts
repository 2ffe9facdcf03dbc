import {
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  type ColumnMapping,
  type EntityKind,
  type ImportCounts,
  type ImportEvent,
  type ImportResult,
} from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import { writeCandidates } from '../resolution/import-candidates.ts';
import { readExistingIndex } from './existing-entities.ts';
import { planFtm } from './plan-ftm.ts';
import { planImport, type ImportPlan } from './plan-import.ts';
import { idsNamedBy, planRecords, type KnownRecords } from './plan-records.ts';
import { ImportRefusedError, type ImportProblem } from './problems.ts';
import {
  CONTROL_LISTS,
  ENTITIES_BY_ID,
  MERGE_IMPORT,
  mergeEntities,
  mergeRelationships,
  mergeRelationshipsById,
  relationshipsById,
} from './queries.ts';
import type { FtmFile } from './read-ftm.ts';
import { readImportFile, type ImportFile } from './read-import-file.ts';
import type { ProcurementFile } from './read-procurement-file.ts';
import type { RecordsFile } from './read-records.ts';

export type { ImportCounts, ImportResult };

/** Rows per UNWIND statement: large enough to be fast, small enough to keep each statement light. */
const BATCH = 1000;

export type ImportProgress = Extract<ImportEvent, { type: 'progress' }>;

export interface ImportOptions {
  dryRun?: boolean;
  now?: Date;
  /** Header → template column (null: ignore), over the built-in names and aliases (procurement files). */
  mapping?: ColumnMapping;
  /** Import the valid rows and report the others; a row is left out whole, never half of it. */
  validRowsOnly?: boolean;
  /** Who imports, recorded on the Import. */
  importedBy?: string | null;
  /** Called once per phase step and write batch, never per row. */
  onProgress?: (progress: Omit<ImportProgress, 'type'>) => void;
}

type Runner = Pick<ManagedTransaction, 'run'>;

const bump = <K extends string>(record: Partial<Record<K, number>>, key: K, by: number) => {
  if (by > 0) record[key] = (record[key] ?? 0) + by;
};

const isError = (p: ImportProblem) => p.severity === 'error';
const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;

async function writePlan(
  tx: Runner,
  plan: ImportPlan,
  counts: ImportCounts,
  relationshipsBy: 'ends' | 'id',
  progress: (done: number) => void,
): Promise<void> {
  let done = 0;
  for (const [id, kind] of plan.matched) if (!plan.entities.has(id)) bump(counts.entitiesMatched, kind, 1);
  for (const kind of ENTITY_KINDS) {
    const rows = [...plan.entities.values()].filter((e) => e.kind === kind).map((e) => ({ props: e.props }));
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const result = await tx.run(mergeEntities(kind), { rows: batch });
      const created = result.summary.counters.updates().nodesCreated;
      bump(counts.entitiesCreated, kind, created);
      bump(counts.entitiesMatched, kind, batch.length - created);
      progress((done += batch.length));
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = [...plan.relationships.values()].filter((r) => r.type === type);
    const statement = relationshipsBy === 'id' ? mergeRelationshipsById(type) : mergeRelationships(type);
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const result = await tx.run(statement, { rows: batch });
      const written = toNumber(result.records[0]?.get('written') ?? 0);
      // Every end was either matched or merged above, in this transaction: a gap is a bug, so abort.
      if (written !== batch.length) throw new Error(`${batch.length - written} ${type} relationship(s) lost an end`);
      const created = result.summary.counters.updates().relationshipsCreated;
      bump(counts.relationshipsCreated, type, created);
      bump(counts.relationshipsMatched, type, batch.length - created);
      progress((done += batch.length));
    }
  }
}

/** A planner for one file, after reading what it needs from the database once: plans the file without some lines. */
type Planner = (skipped: ReadonlySet<number>) => { plan: ImportPlan; rows: number };

async function plannerFor(tx: Runner, file: ImportFile): Promise<{ plan: Planner; relationshipsBy: 'ends' | 'id' }> {
  const dataset = `import:${file.sha256.slice(0, 16)}`;
  switch (file.format) {
    case 'jsonl':
      return { plan: await recordsPlanner(tx, file, dataset), relationshipsBy: 'id' };
    case 'ftm': {
      const urls = [...new Set(file.entities.flatMap(({ entity }) => entity.properties['sourceUrl'] ?? []))];
      const existing = await readExistingIndex(tx, urls);
      const lists = (await tx.run(CONTROL_LISTS)).records.map((r) => ({
        id: String(r.get('id')),
        names: (r.get('names') as string[]).filter((n) => typeof n === 'string'),
      }));
      return {
        plan: (skipped) => {
          const kept: FtmFile = { ...file, entities: file.entities.filter((e) => !skipped.has(e.line)) };
          return { plan: planFtm(kept, existing, lists, dataset), rows: kept.entities.length };
        },
        relationshipsBy: 'ends',
      };
    }
    default: {
      const urls = [...new Set(file.rows.flatMap(({ row }) => (row.source_url ? [row.source_url] : [])))];
      const existing = await readExistingIndex(tx, urls);
      return {
        plan: (skipped) => {
          const kept: ProcurementFile = { ...file, rows: file.rows.filter((r) => !skipped.has(r.line)) };
          return { plan: planImport(kept, existing), rows: kept.rows.length };
        },
        relationshipsBy: 'ends',
      };
    }
  }
}

async function recordsPlanner(tx: Runner, file: RecordsFile, dataset: string): Promise<Planner> {
  const { entityIds, relationshipIds } = idsNamedBy(file);
  const entities = new Map<string, { kind: EntityKind; synthetic: boolean }>();
  for (const r of (await tx.run(ENTITIES_BY_ID, { ids: entityIds })).records) {
    entities.set(String(r.get('id')), { kind: r.get('kind') as EntityKind, synthetic: r.get('synthetic') === true });
  }
  const relationships: KnownRecords['relationships'] = new Map();
  if (relationshipIds.length > 0) {
    for (const type of new Set(file.relationships.map((r) => r.record.type))) {
      const result = await tx.run(relationshipsById(type), { ids: relationshipIds });
      for (const r of result.records) {
        (relationships as Map<string, { type: string; source: string; target: string }>).set(String(r.get('id')), {
          type,
          source: String(r.get('source')),
          target: String(r.get('target')),
        });
      }
    }
  }
  return (skipped) => {
    const kept: RecordsFile = {
      ...file,
      entities: file.entities.filter((e) => !skipped.has(e.line)),
      relationships: file.relationships.filter((r) => !skipped.has(r.line)),
    };
    return {
      plan: planRecords(kept, { entities, relationships }, dataset),
      rows: kept.entities.length + kept.relationships.length,
    };
  };
}

/**
 * Plans the file. All or nothing: any error refuses it (ImportRefusedError). With validRowsOnly, the
 * lines with errors are left out whole and the file planned again without them, until no error is
 * left (leaving a row out can make another fail: a relationship to a skipped entity).
 */
function planAll(
  file: ImportFile,
  planner: Planner,
  validRowsOnly: boolean,
): { plan: ImportPlan; rows: number; skipped: Set<number>; skippedProblems: ImportProblem[] } {
  const skipped = new Set<number>();
  const skippedProblems: ImportProblem[] = [];
  const skip = (problems: readonly ImportProblem[]) => {
    const errors = problems.filter(isError);
    skippedProblems.push(...errors);
    const before = skipped.size;
    for (const p of errors) skipped.add(p.line);
    return skipped.size > before;
  };
  if (validRowsOnly) skip(file.problems);
  for (;;) {
    const { plan, rows } = planner(skipped);
    const errors = plan.problems.filter(isError);
    if (errors.length === 0) return { plan, rows, skipped, skippedProblems };
    // An error not on a line that can be left out (or any error without validRowsOnly) refuses the file.
    if (!validRowsOnly || !skip(errors)) {
      throw new ImportRefusedError([...file.problems, ...skippedProblems, ...plan.problems].sort(byLine));
    }
  }
}

/**
 * Imports a file (procurement CSV/TSV/XLSX, model records as JSON lines, or FollowTheMoney JSON
 * lines): reads and validates it all, resolves names against the graph, then writes everything in
 * ONE transaction, or nothing when any row has an error (unless validRowsOnly: then the valid rows,
 * and the others are reported). A dry run does the same work in a transaction that is rolled back,
 * so its counts are exactly what a real run would do. Throws ImportRefusedError listing every problem.
 */
export async function importFile(
  db: Database,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const validRowsOnly = options.validRowsOnly ?? false;
  const file = readImportFile(fileName, bytes, { mapping: options.mapping });
  progress({ phase: 'read', done: file.rowCount, total: file.rowCount });
  if (file.fatal || (!validRowsOnly && file.problems.some(isError))) throw new ImportRefusedError(file.problems);

  const dryRun = options.dryRun ?? false;
  const importedBy = options.importedBy ?? null;
  const work = async (tx: Runner): Promise<ImportResult> => {
    progress({ phase: 'resolve', done: 0, total: file.rowCount });
    const { plan: planner, relationshipsBy } = await plannerFor(tx, file);
    const { plan, rows, skipped, skippedProblems } = planAll(file, planner, validRowsOnly);
    progress({ phase: 'resolve', done: file.rowCount, total: file.rowCount });

    const counts: ImportCounts = {
      rows,
      rowsSkipped: skipped.size,
      entitiesCreated: {},
      entitiesMatched: {},
      relationshipsCreated: {},
      relationshipsMatched: {},
      candidates: 0,
    };
    const total = plan.entities.size + plan.relationships.size;
    progress({ phase: 'write', done: 0, total });
    await writePlan(tx, plan, counts, relationshipsBy, (done) => progress({ phase: 'write', done, total }));
    counts.candidates = await writeCandidates(tx, plan.candidates, {
      fileName,
      sha256: file.sha256,
      by: importedBy,
      now: options.now,
    });
    const record = await tx.run(MERGE_IMPORT, {
      sha256: file.sha256,
      props: {
        fileName,
        format: file.format,
        importedAt: (options.now ?? new Date()).toISOString(),
        importedBy,
        encoding: file.encoding,
        rows: counts.rows,
        rowsSkipped: counts.rowsSkipped,
        candidates: counts.candidates,
        entitiesCreated: sum(counts.entitiesCreated),
        entitiesMatched: sum(counts.entitiesMatched),
        relationshipsCreated: sum(counts.relationshipsCreated),
        relationshipsMatched: sum(counts.relationshipsMatched),
      },
    });
    const warnings = [...file.problems, ...plan.problems].filter((p) => p.severity === 'warning');
    return {
      fileName,
      sha256: file.sha256,
      format: file.format,
      encoding: file.encoding,
      dryRun,
      firstImport: record.summary.counters.updates().nodesCreated > 0,
      importedBy,
      counts,
      problems: [...warnings, ...skippedProblems].sort(byLine),
    };
  };

  const session = db.driver.session({ database: db.database });
  try {
    if (!dryRun) return await session.executeWrite(work);
    const tx = session.beginTransaction();
    try {
      return await work(tx);
    } finally {
      // A dry run never commits.
      await tx.rollback();
    }
  } finally {
    await session.close();
  }
}

function sum(record: Partial<Record<string, number>>): number {
  return Object.values(record).reduce<number>((a, b) => a + (b ?? 0), 0);
}
