import {
  IMPORT_LIMITS,
  type ColumnMapping,
  type EntityKind,
  type ImportCounts,
  type ImportEvent,
  type ImportMatch,
  type ImportResult,
} from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { countNewCandidates, writeCandidates } from '../resolution/import-candidates.ts';
import { readExistingIndex } from './existing-entities.ts';
import { CONTRACT_SCHEMA, ftmProbe, planFtm } from './plan-ftm.ts';
import { databaseProblems, planImport, procurementProbe, type ImportPlan, type PlannedMatch } from './plan-import.ts';
import { idsNamedBy, planRecords, recordsProbe, type KnownRecords } from './plan-records.ts';
import { ImportRefusedError, type ImportProblem } from './problems.ts';
import { beginImportRun, ImportUndoFailedError } from './import-run.ts';
import { CONTROL_LISTS, ENTITIES_BY_ID, GET_IMPORT, MERGE_IMPORT, relationshipsById } from './queries.ts';
import type { FtmFile } from './read-ftm.ts';
import { readImportFile, type ImportFile } from './read-import-file.ts';
import type { ProcurementFile } from './read-procurement-file.ts';
import type { RecordsFile } from './read-records.ts';
import { countPlan, writePlan, type RelationshipsBy } from './write-plan.ts';

export type { ImportCounts, ImportResult };

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
  /** Rows per write batch (default WRITE_BATCH): tests write a small file in many batches. */
  batchRows?: number;
  /** Called once per phase step and write batch, never per row. */
  onProgress?: (progress: Omit<ImportProgress, 'type'>) => void;
}

type Runner = Pick<ManagedTransaction, 'run'>;

/**
 * The reads that plan an import (and count a dry run) stream every name the database holds: at a
 * million entities that takes longer than the server's default transaction timeout (30 s here).
 */
export const PLANNING = { timeout: 15 * 60_000 };

const isError = (p: ImportProblem) => p.severity === 'error';
const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;

/** A planner for one file, after reading what it needs from the database once: plans the file without some lines. */
type Planner = (skipped: ReadonlySet<number>) => { plan: ImportPlan; rows: number };

/** Errors some lines have whatever the file's other lines say, found without planning (procurement files). */
type CertainProblems = (skipped: ReadonlySet<number>) => ImportProblem[];

async function plannerFor(
  tx: Runner,
  file: ImportFile,
): Promise<{ plan: Planner; relationshipsBy: RelationshipsBy; certainProblems?: CertainProblems }> {
  const dataset = `import:${file.sha256.slice(0, 16)}`;
  switch (file.format) {
    case 'jsonl':
      return { plan: await recordsPlanner(tx, file, dataset), relationshipsBy: 'id' };
    case 'ftm': {
      const urls = [...new Set(file.entities.flatMap(({ entity }) => entity.properties['sourceUrl'] ?? []))];
      const existing = await readExistingIndex(tx, urls, ftmProbe(file));
      const lists = (await tx.run(CONTROL_LISTS)).records.map((r) => ({
        id: String(r.get('id')),
        names: (r.get('names') as string[]).filter((n) => typeof n === 'string'),
      }));
      // The explorer's own FtM export names its Procurements and Sources by their ids.
      const ownIds = new Map(
        (
          await tx.run(ENTITIES_BY_ID, {
            ids: file.entities
              .filter(({ entity }) => entity.schema === CONTRACT_SCHEMA || entity.schema === 'Document')
              .map(({ entity }) => entity.id),
          })
        ).records.map((r) => [String(r.get('id')), r.get('kind') as EntityKind]),
      );
      return {
        plan: (skipped) => {
          const kept: FtmFile = { ...file, entities: file.entities.filter((e) => !skipped.has(e.line)) };
          return { plan: planFtm(kept, existing, lists, dataset, ownIds), rows: kept.entities.length };
        },
        relationshipsBy: 'ends',
      };
    }
    default: {
      const urls = [...new Set(file.rows.flatMap(({ row }) => (row.source_url ? [row.source_url] : [])))];
      const existing = await readExistingIndex(tx, urls, procurementProbe(file));
      return {
        plan: (skipped) => {
          const kept: ProcurementFile = { ...file, rows: file.rows.filter((r) => !skipped.has(r.line)) };
          return { plan: planImport(kept, existing), rows: kept.rows.length };
        },
        relationshipsBy: 'ends',
        certainProblems: (skipped) => databaseProblems(file, existing, skipped),
      };
    }
  }
}

async function recordsPlanner(tx: Runner, file: RecordsFile, dataset: string): Promise<Planner> {
  const { entityIds, relationshipIds } = idsNamedBy(file);
  // Only records that may be held as lookalikes need the database's names.
  const probe = recordsProbe(file);
  const names = probe ? (await readExistingIndex(tx, [], probe)).matcher : undefined;
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
      plan: planRecords(kept, { entities, relationships }, dataset, names),
      rows: kept.entities.length + kept.relationships.length,
    };
  };
}

/** The first names that attach to existing entities, with those entities' names, for the report. */
async function describeMatches(tx: Runner, planned: readonly PlannedMatch[]): Promise<ImportMatch[]> {
  const shown = planned.slice(0, IMPORT_LIMITS.matchesShown);
  const result = await tx.run(ENTITIES_BY_ID, { ids: [...new Set(shown.map((m) => m.entityId))] });
  const entities = new Map(
    result.records.map((r) => [
      String(r.get('id')),
      { id: String(r.get('id')), kind: r.get('kind') as EntityKind, name: String(r.get('name')) },
    ]),
  );
  return shown.flatMap(({ entityId, ...match }) => {
    const entity = entities.get(entityId);
    return entity ? [{ ...match, entity }] : [];
  });
}

/**
 * Plans the file. All or nothing: any error refuses it (ImportRefusedError). With validRowsOnly, the
 * lines with errors are left out whole and the file planned again without them, until no error is
 * left (leaving a row out can make another fail: a relationship to a skipped entity). Lines whose
 * errors are certain before planning (`certainProblems`) are left out first, so that a file whose only
 * bad rows are of that sort is planned once.
 */
function planAll(
  file: ImportFile,
  planner: Planner,
  validRowsOnly: boolean,
  certainProblems?: CertainProblems,
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
  if (validRowsOnly) {
    skip(file.problems);
    if (certainProblems) skip(certainProblems(skipped));
  }
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
 * Plans a file as an import does, in a reading transaction given PLANNING's timeout (planAll:
 * ImportRefusedError when an error cannot be left out). The benchmark's write floor writes this same plan.
 */
export async function planFile(tx: Runner, file: ImportFile, validRowsOnly: boolean) {
  const { plan: planner, relationshipsBy, certainProblems } = await plannerFor(tx, file);
  return { ...planAll(file, planner, validRowsOnly, certainProblems), relationshipsBy };
}

/**
 * Imports a file (procurement CSV/TSV/XLSX, model records as JSON lines, or FollowTheMoney JSON
 * lines): reads and validates it all and resolves names against the graph, before writing anything;
 * any row with an error refuses the whole file (ImportRefusedError, listing every problem), unless
 * validRowsOnly: then the valid rows are imported and the others reported.
 *
 * The writes are all or nothing: they go in batches of an import run (import-run.ts), which takes
 * every batch out again when one fails, so a file of any size fits the database's memory. A dry run
 * reads what the writes would create and match, and writes nothing.
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
  const session = db.driver.session({ database: db.database });
  try {
    progress({ phase: 'resolve', done: 0, total: file.rowCount });
    const { plan, rows, skipped, skippedProblems, relationshipsBy, matches } = await session.executeRead(async (tx) => {
      const planned = await planFile(tx, file, validRowsOnly);
      return { ...planned, matches: await describeMatches(tx, planned.plan.nameMatches ?? []) };
    }, PLANNING);
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
    const writeProgress = (done: number) => progress({ phase: 'write', done, total });
    progress({ phase: 'write', done: 0, total });
    const importRecord = () => ({
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
    });

    let firstImport: boolean;
    if (dryRun) {
      firstImport = await session.executeRead(async (tx) => {
        await countPlan(tx, plan, counts, relationshipsBy, writeProgress, options.batchRows);
        counts.candidates = await countNewCandidates(tx, plan.candidates);
        return (await tx.run(GET_IMPORT, { sha256: file.sha256 })).records.length === 0;
      }, PLANNING);
    } else {
      const run = await beginImportRun(db, { sha256: file.sha256, fileName, importedBy });
      try {
        await writePlan(run, plan, counts, relationshipsBy, writeProgress, options.batchRows);
        firstImport = await run.commit(async (tx) => {
          counts.candidates = await writeCandidates(tx, plan.candidates, {
            fileName,
            sha256: file.sha256,
            by: importedBy,
            now: options.now,
          });
          const record = await tx.run(MERGE_IMPORT, { sha256: file.sha256, props: importRecord() });
          return record.summary.counters.updates().nodesCreated > 0;
        });
      } catch (error) {
        try {
          await run.undo();
        } catch (undoError) {
          throw new ImportUndoFailedError(error, undoError);
        }
        throw error;
      }
    }
    const warnings = [...file.problems, ...plan.problems].filter((p) => p.severity === 'warning');
    return {
      fileName,
      sha256: file.sha256,
      format: file.format,
      encoding: file.encoding,
      dryRun,
      firstImport,
      importedBy,
      counts,
      problems: [...warnings, ...skippedProblems].sort(byLine),
      matches,
      matchesTotal: plan.nameMatches?.length ?? 0,
    };
  } finally {
    await session.close();
  }
}

function sum(record: Partial<Record<string, number>>): number {
  return Object.values(record).reduce<number>((a, b) => a + (b ?? 0), 0);
}
