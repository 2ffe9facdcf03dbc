import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type RelationshipType } from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import { readExistingIndex } from './existing-entities.ts';
import { planImport, type ImportPlan } from './plan-import.ts';
import { ImportRefusedError, type ImportProblem } from './problems.ts';
import { MERGE_IMPORT, mergeEntities, mergeRelationships } from './queries.ts';
import { readProcurementFile, type ProcurementFile } from './read-procurement-file.ts';

/** Rows per UNWIND statement: large enough to be fast, small enough to keep each statement light. */
const BATCH = 1000;

export interface ImportCounts {
  rows: number;
  /** New entities, by kind. */
  entitiesCreated: Partial<Record<EntityKind, number>>;
  /** Entities already in the database that rows attach to or cite, by kind. */
  entitiesMatched: Partial<Record<EntityKind, number>>;
  relationshipsCreated: Partial<Record<RelationshipType, number>>;
  /** Relationships the graph already held (same type and ends), which gain this file's citations. */
  relationshipsMatched: Partial<Record<RelationshipType, number>>;
}

export interface ImportResult {
  fileName: string;
  sha256: string;
  encoding: ProcurementFile['encoding'];
  delimiter: ProcurementFile['delimiter'];
  dryRun: boolean;
  /** False when this exact file (same SHA-256) was imported before: then nothing changed. */
  firstImport: boolean;
  counts: ImportCounts;
  warnings: ImportProblem[];
}

type Runner = Pick<ManagedTransaction, 'run'>;

const bump = <K extends string>(record: Partial<Record<K, number>>, key: K, by: number) => {
  if (by > 0) record[key] = (record[key] ?? 0) + by;
};

async function writePlan(tx: Runner, plan: ImportPlan, counts: ImportCounts): Promise<void> {
  for (const [id, kind] of plan.matched) if (!plan.entities.has(id)) bump(counts.entitiesMatched, kind, 1);
  for (const kind of ENTITY_KINDS) {
    const rows = [...plan.entities.values()].filter((e) => e.kind === kind).map((e) => ({ props: e.props }));
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const result = await tx.run(mergeEntities(kind), { rows: batch });
      const created = result.summary.counters.updates().nodesCreated;
      bump(counts.entitiesCreated, kind, created);
      bump(counts.entitiesMatched, kind, batch.length - created);
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = [...plan.relationships.values()].filter((r) => r.type === type);
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const result = await tx.run(mergeRelationships(type), { rows: batch });
      const written = toNumber(result.records[0]?.get('written') ?? 0);
      // Every end was either matched or merged above, in this transaction: a gap is a bug, so abort.
      if (written !== batch.length) throw new Error(`${batch.length - written} ${type} relationship(s) lost an end`);
      const created = result.summary.counters.updates().relationshipsCreated;
      bump(counts.relationshipsCreated, type, created);
      bump(counts.relationshipsMatched, type, batch.length - created);
    }
  }
}

/**
 * Imports a procurement CSV/TSV: reads and validates it all, resolves names against the graph,
 * then writes everything in ONE transaction, or nothing when any row has an error. A dry run does
 * the same work in a transaction that is rolled back, so its counts are exactly what a real run
 * would do. Throws ImportRefusedError listing every problem.
 */
export async function importProcurementFile(
  db: Database,
  fileName: string,
  bytes: Uint8Array,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<ImportResult> {
  const file = readProcurementFile(fileName, bytes);
  if (file.problems.some((p) => p.severity === 'error')) throw new ImportRefusedError(file.problems);

  const dryRun = options.dryRun ?? false;
  const work = async (tx: Runner): Promise<ImportResult> => {
    const urls = [...new Set(file.rows.flatMap(({ row }) => (row.source_url ? [row.source_url] : [])))];
    const plan = planImport(file, await readExistingIndex(tx, urls));
    const problems = [...file.problems, ...plan.problems].sort((a, b) => a.line - b.line);
    if (problems.some((p) => p.severity === 'error')) throw new ImportRefusedError(problems);

    const counts: ImportCounts = {
      rows: file.rows.length,
      entitiesCreated: {},
      entitiesMatched: {},
      relationshipsCreated: {},
      relationshipsMatched: {},
    };
    await writePlan(tx, plan, counts);
    const record = await tx.run(MERGE_IMPORT, {
      sha256: file.sha256,
      props: {
        fileName,
        importedAt: (options.now ?? new Date()).toISOString(),
        encoding: file.encoding,
        rows: counts.rows,
        entitiesCreated: sum(counts.entitiesCreated),
        entitiesMatched: sum(counts.entitiesMatched),
        relationshipsCreated: sum(counts.relationshipsCreated),
        relationshipsMatched: sum(counts.relationshipsMatched),
      },
    });
    return {
      fileName,
      sha256: file.sha256,
      encoding: file.encoding,
      delimiter: file.delimiter,
      dryRun,
      firstImport: record.summary.counters.updates().nodesCreated > 0,
      counts,
      warnings: problems.filter((p) => p.severity === 'warning'),
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
