import { checkDatasetConsistency, type EntityKind, type EntityRecord } from '@explorer/model';
import { EntityMatcher } from '../resolution/entity-matcher.ts';
import { CandidateOffers, holdCandidates, type PlannedCandidate } from '../resolution/import-candidates.ts';
import { NameProbe } from '../resolution/name-probe.ts';
import { registryKey } from './existing-entities.ts';
import { NAMED_KINDS } from './queries.ts';
import { entityProps, relationshipProps } from '../seed/load-dataset.ts';
import { emptyPlan, type ImportPlan } from './plan-import.ts';
import type { ImportProblem } from './problems.ts';
import type { RecordsFile } from './read-records.ts';

/** What the database holds under the ids a records file names. */
export interface KnownRecords {
  entities: ReadonlyMap<string, { kind: EntityKind; synthetic: boolean }>;
  /** Relationships by id, with their type and ends. */
  relationships: ReadonlyMap<string, { type: string; source: string; target: string }>;
}

/** Every id a records file refers to: its records, their ends and their citations. */
export function idsNamedBy(file: RecordsFile): { entityIds: string[]; relationshipIds: string[] } {
  const ids = new Set<string>();
  for (const { record } of file.entities) [record.id, ...record.sourceIds].forEach((id) => ids.add(id));
  for (const { record } of file.relationships) {
    [record.source, record.target, ...record.sourceIds].forEach((id) => ids.add(id));
  }
  return { entityIds: [...ids], relationshipIds: file.relationships.map((r) => r.record.id) };
}

/**
 * The plan for a file of model records: each record is written under its own id. A record whose
 * id the database already holds (same kind) is matched and gains the record's citations; every
 * fact must cite Sources that are in the file or in the database; relationship ends must exist
 * (in the file or the database) and be of kinds the relationship allows (checkDatasetConsistency,
 * as the seed loader checks). Relationships are merged by id (`relationshipsBy: 'id'`).
 */
export function planRecords(
  file: RecordsFile,
  known: KnownRecords,
  dataset: string,
  /** The database's names (entity resolution): a new record named like an entity is held as a candidate. */
  names?: EntityMatcher,
): ImportPlan {
  const plan = emptyPlan();
  const matcher = new EntityMatcher(names);
  const candidates = new Map<string, PlannedCandidate>();
  const lineOf = new Map<string, number>();
  for (const { line, record } of [...file.entities, ...file.relationships]) lineOf.set(record.id, line);
  const error = (line: number, field: string, message: string) =>
    plan.problems.push({ severity: 'error', line, field, message } satisfies ImportProblem);

  const inFile = new Set(file.entities.map((e) => e.record.id));
  /** The kind of an entity the database holds and the file does not restate. */
  const existingKind = (id: string) => (inFile.has(id) ? undefined : known.entities.get(id)?.kind);

  const first = file.entities[0]?.record ?? file.relationships[0]?.record;
  const issues = checkDatasetConsistency(
    {
      meta: { name: dataset, title: file.fileName, description: file.fileName, synthetic: first?.synthetic ?? false },
      entities: file.entities.map((e) => e.record),
      relationships: file.relationships.map((r) => r.record),
    },
    known.entities,
  );
  for (const issue of issues) error(lineOf.get(issue.recordId) ?? 1, issue.field, issue.message);

  for (const { line, record } of file.entities) {
    const at = `${file.fileName} line ${line}`;
    const existing = known.entities.get(record.id);
    if (existing && existing.kind !== record.kind) {
      error(line, 'kind', `the database already holds "${record.id}" as a ${existing.kind}`);
      continue;
    }
    if (existing && existing.synthetic !== record.synthetic) {
      error(line, 'synthetic', `"${record.id}" exists with synthetic=${String(existing.synthetic)}; never merged`);
      continue;
    }
    if (record.kind !== 'Source' && record.sourceIds.length === 0) {
      error(line, 'sourceIds', 'every imported entity cites at least one Source');
      continue;
    }
    for (const id of record.sourceIds) {
      const known = existingKind(id);
      if (known) plan.matched.set(id, known);
    }
    plan.entities.set(record.id, {
      kind: record.kind,
      line,
      props: { ...entityProps(record, dataset), importedFrom: [at] },
    });
    if (!existing && names) holdLookalikes(matcher, candidates, record, line);
  }
  plan.candidates = [...candidates.values()];
  for (const { line, record } of file.relationships) {
    const existing = known.relationships.get(record.id);
    if (
      existing &&
      (existing.type !== record.type || existing.source !== record.source || existing.target !== record.target)
    ) {
      error(
        line,
        'id',
        `the database already holds "${record.id}" as ${existing.source} -${existing.type}-> ${existing.target}`,
      );
      continue;
    }
    // Existing entities the record attaches to or cites count as matched.
    for (const id of [record.source, record.target, ...record.sourceIds]) {
      const known = existingKind(id);
      if (known) plan.matched.set(id, known);
    }
    plan.relationships.set(record.id, {
      type: record.type,
      source: record.source,
      target: record.target,
      props: { ...relationshipProps(record, dataset), importedFrom: [`${file.fileName} line ${line}`] },
    });
  }
  return plan;
}

/**
 * Whether a record is held against the database's names: invented records are not (the name index has
 * no synthetic flag to pair them only with their like), nor kinds whose names are not matched.
 */
const isPaired = (record: EntityRecord) => !record.synthetic && NAMED_KINDS.includes(record.kind);

/** A record's registry ids as the matcher compares them. */
const registryKeysOf = (record: EntityRecord) =>
  ('registryIds' in record ? (record.registryIds ?? []) : []).map(registryKey);

/** What a records file's entities could be held as lookalikes of: the names and registry ids of those paired. */
export function recordsProbe(file: RecordsFile): NameProbe | null {
  const paired = file.entities.map((e) => e.record).filter(isPaired);
  if (paired.length === 0) return null;
  return new NameProbe(
    paired.flatMap((r) => [r.name, ...r.aliases]),
    paired.flatMap(registryKeysOf),
  );
}

/**
 * A new record is never attached to another id (its id says what it is), but an entity with the same
 * registry id, the same name, or a name only alike is held as a candidate pair for review, so that a
 * duplicate under a new id is seen rather than silently kept.
 */
function holdLookalikes(
  matcher: EntityMatcher,
  candidates: Map<string, PlannedCandidate>,
  record: EntityRecord,
  line: number,
): void {
  if (!isPaired(record)) return;
  const registryIds = registryKeysOf(record);
  const offered = new CandidateOffers();
  for (const [i, name] of [record.name, ...record.aliases].entries()) {
    for (const registryId of i === 0 && registryIds.length > 0 ? registryIds : [undefined]) {
      const found = matcher.resolve(name, registryId, [record.kind]);
      const certain = found.status === 'attach' ? [found.entity] : found.status === 'ambiguous' ? found.entities : [];
      const by = found.status === 'attach' || found.status === 'ambiguous' ? found.by : undefined;
      for (const entity of certain) {
        offered.offer({ entity, name, reason: by === 'registry-id' ? 'same-registry-id' : 'same-name', score: 1 });
      }
      if (found.status === 'new') for (const c of found.candidates) offered.offer(c);
    }
  }
  // holdCandidates never pairs the record with itself.
  holdCandidates(candidates, offered.best(), { id: record.id, name: record.name }, { line, field: 'name' });
  // Later records of the file meet this one too (as a candidate, never attached: the ids differ).
  matcher.add({ id: record.id, kind: record.kind, registryIds }, [record.name, ...record.aliases], false);
}
