// Writing a plan, and counting what writing it would do (a dry run), batch by batch.
import {
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  type EntityKind,
  type ImportCounts,
  type RelationshipType,
} from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import { toNumber } from '../db/mapping.ts';
import type { BatchUndo, ImportRun } from './import-run.ts';
import type { ImportPlan, PlannedEntity, PlannedRelationship } from './plan-import.ts';
import {
  createRelationships,
  EXISTING_ENTITY_COUNT,
  mergeEntities,
  mergeRelationships,
  mergeRelationshipsById,
  relationshipsThere,
} from './queries.ts';

/**
 * Rows per statement and transaction: few enough to keep each transaction's memory small whatever the
 * file's size, many enough that the cost of a commit (an fsync, the full-text index refresh) is shared.
 */
export const WRITE_BATCH = 2000;

/** How relationships are merged: by type and ends (procurement rows, FtM) or by their own id (records). */
export type RelationshipsBy = 'ends' | 'id';

type Tx = Pick<ManagedTransaction, 'run'>;

const bump = <K extends string>(record: Partial<Record<K, number>>, key: K, by: number) => {
  if (by > 0) record[key] = (record[key] ?? 0) + by;
};

/** The plan's writes in order: every entity before any relationship, so every end is there first. */
function* batches(
  plan: ImportPlan,
  batchRows: number,
): Generator<
  | { entity: true; kind: EntityKind; rows: PlannedEntity[] }
  | { entity: false; type: RelationshipType; rows: PlannedRelationship[] }
> {
  for (const kind of ENTITY_KINDS) {
    const rows = [...plan.entities.values()].filter((e) => e.kind === kind);
    for (let i = 0; i < rows.length; i += batchRows) yield { entity: true, kind, rows: rows.slice(i, i + batchRows) };
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = [...plan.relationships.values()].filter((r) => r.type === type);
    for (let i = 0; i < rows.length; i += batchRows) yield { entity: false, type, rows: rows.slice(i, i + batchRows) };
  }
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** How many of a batch's rows a write creates (the rest it matches). */
interface BatchCounter {
  entities(kind: EntityKind, rows: PlannedEntity[]): Promise<number>;
  relationships(type: RelationshipType, rows: PlannedRelationship[]): Promise<number>;
}

/** Runs the counter over every batch in order, counting created and matched and reporting progress. */
async function eachBatch(
  plan: ImportPlan,
  counts: ImportCounts,
  progress: (done: number) => void,
  batchRows: number,
  counter: BatchCounter,
): Promise<void> {
  let done = 0;
  // Entities matched without being written (attached to, not re-cited) count as matched.
  for (const [id, kind] of plan.matched) if (!plan.entities.has(id)) bump(counts.entitiesMatched, kind, 1);
  for (const batch of batches(plan, batchRows)) {
    if (batch.entity) {
      const created = await counter.entities(batch.kind, batch.rows);
      bump(counts.entitiesCreated, batch.kind, created);
      bump(counts.entitiesMatched, batch.kind, batch.rows.length - created);
    } else {
      const created = await counter.relationships(batch.type, batch.rows);
      bump(counts.relationshipsCreated, batch.type, created);
      bump(counts.relationshipsMatched, batch.type, batch.rows.length - created);
    }
    progress((done += batch.rows.length));
  }
}

const lostEnds = (type: RelationshipType, lost: number) => new Error(`${lost} ${type} relationship(s) lost an end`);

/**
 * Writes the plan through the run, a batch a transaction; counts what was created and matched. A
 * relationship with an end this run created cannot be in the graph yet: it is created outright, the
 * others are merged (a fact already stated gains the file's citations instead).
 */
export function writePlan(
  run: ImportRun,
  plan: ImportPlan,
  counts: ImportCounts,
  relationshipsBy: RelationshipsBy,
  progress: (done: number) => void,
  batchRows = WRITE_BATCH,
): Promise<void> {
  const createdByRun = new Set<string>();
  return eachBatch(plan, counts, progress, batchRows, {
    entities: async (kind, rows) => {
      const created = await run.batch(async (tx) => {
        const result = await tx.run(mergeEntities(kind), { rows: rows.map((e) => ({ props: e.props })) });
        const record = result.records[0];
        const undo: BatchUndo = {
          createdNodes: strings(record?.get('created')),
          createdRelationships: [],
          changedNodes: (record?.get('changed') as BatchUndo['changedNodes'] | undefined) ?? [],
          changedRelationships: [],
        };
        // An entity the plan matched must still be there: creating it would leave a node without a name.
        const gone = undo.createdNodes.filter((id) => plan.matched.has(id));
        if (gone.length > 0) throw new Error(`matched entities left the graph during the import: ${gone.join(', ')}`);
        return { value: undo.createdNodes, undo };
      });
      for (const id of created) createdByRun.add(id);
      return created.length;
    },
    relationships: (type, rows) =>
      run.batch(async (tx) => {
        const isNew = (r: PlannedRelationship) => createdByRun.has(r.source) || createdByRun.has(r.target);
        const undo: BatchUndo = {
          createdNodes: [],
          createdRelationships: [],
          changedNodes: [],
          changedRelationships: [],
        };
        let written = 0;
        for (const [statement, part] of [
          [createRelationships(type), rows.filter(isNew)],
          [
            relationshipsBy === 'id' ? mergeRelationshipsById(type) : mergeRelationships(type),
            rows.filter((r) => !isNew(r)),
          ],
        ] as const) {
          if (part.length === 0) continue;
          const record = (await tx.run(statement, { rows: part })).records[0];
          written += toNumber(record?.get('written') ?? 0);
          undo.createdRelationships.push(...strings(record?.get('created')));
          if (record?.has('changed'))
            undo.changedRelationships.push(...(record.get('changed') as BatchUndo['changedRelationships']));
        }
        // Every end was either matched or written by an earlier batch: a gap is a bug, so abort (and undo).
        if (written !== rows.length) throw lostEnds(type, rows.length - written);
        return { value: undo.createdRelationships.length, undo };
      }),
  });
}

/**
 * A dry run: counts what writePlan would create and match by reading, never writing, so a file of
 * any size can be checked. Throws, as writePlan would, when a relationship would lose an end.
 */
export function countPlan(
  tx: Tx,
  plan: ImportPlan,
  counts: ImportCounts,
  relationshipsBy: RelationshipsBy,
  progress: (done: number) => void,
  batchRows = WRITE_BATCH,
): Promise<void> {
  return eachBatch(plan, counts, progress, batchRows, {
    entities: async (_kind, rows) => {
      const ids = rows.map((e) => String(e.props['id']));
      const result = await tx.run(EXISTING_ENTITY_COUNT, { ids });
      return rows.length - toNumber(result.records[0]?.get('existing') ?? 0);
    },
    relationships: async (type, rows) => {
      const result = await tx.run(relationshipsThere(type, relationshipsBy), { rows });
      let existing = 0;
      let lost = 0;
      for (const r of result.records) {
        const hasEnd = (end: 'source' | 'target', flag: string) =>
          r.get(flag) === true || plan.entities.has(String(r.get(end)));
        if (!hasEnd('source', 'hasSource') || !hasEnd('target', 'hasTarget')) lost++;
        else if (r.get('existed') === true) existing++;
      }
      if (lost > 0) throw lostEnds(type, lost);
      return rows.length - existing;
    },
  });
}
