import { randomUUID } from 'node:crypto';
import {
  RELATIONSHIP_RULES,
  RELATIONSHIP_TYPES,
  type CandidateListQuery,
  type CandidateSide,
  type EntityKind,
  type MatchCandidate,
  type MergeRecord,
  type MergeRequest,
  type MergeResponse,
  type RelationshipType,
} from '@explorer/model';
import neo4j, { type ManagedTransaction, type Node } from 'neo4j-driver';
import type { Database } from '../db/database.ts';
import { toNumber } from '../db/mapping.ts';
import { registryConflict } from './entity-matcher.ts';
import { ResolutionError } from './errors.ts';
import {
  entityFingerprint,
  isEntityKind,
  toCandidate,
  toMergeRecord,
  toSide,
  type RelationshipRow,
} from './mapping.ts';
import * as Q from './queries.ts';

type Tx = Pick<ManagedTransaction, 'run'>;

/** Limits of the model's entity record, which a merge must not break. */
const MAX_ALIASES = 100;
const MAX_SOURCE_IDS = 200;

/** What a merge records to undo it exactly. */
interface MovedRelationship {
  type: RelationshipType;
  id: string;
  /** As seen from the merged entity. */
  direction: 'out' | 'in';
  /** The original other end: another entity, the kept one, or the merged one itself (a loop). */
  otherId: string;
}
interface ListsBefore {
  aliases: string[] | null;
  registryIds: string[] | null;
  sourceIds: string[] | null;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const listOrNull = (v: unknown): string[] | null => (Array.isArray(v) ? v.map(String) : null);

/** Rows grouped by type and direction, as the move statements take them. */
function byTypeAndDirection(moved: readonly MovedRelationship[]) {
  const groups = new Map<string, { type: RelationshipType; direction: 'out' | 'in'; rows: MovedRelationship[] }>();
  for (const m of moved) {
    const key = `${m.type} ${m.direction}`;
    const group = groups.get(key) ?? { type: m.type, direction: m.direction, rows: [] };
    group.rows.push(m);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Candidate pairs, merges and their undo, in Neo4j. Every decision runs in one transaction: a
 * refusal (4xx) or failure leaves the graph exactly as it was.
 */
export class ResolutionRepository {
  private constraints: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly timeoutMs: number,
  ) {}

  async listCandidates(query: CandidateListQuery): Promise<MatchCandidate[]> {
    return this.read(async (tx) => {
      const cypher = query.status === 'open' ? Q.LIST_OPEN_CANDIDATES : Q.LIST_CANDIDATES;
      const result = await tx.run(cypher, { status: query.status, limit: neo4j.int(query.limit) });
      const nodes = result.records.map((r) => r.get('c') as Node);
      const ids = [...new Set(nodes.flatMap((n) => [String(n.properties['leftId']), String(n.properties['rightId'])]))];
      const sides = await this.evidence(tx, ids);
      return nodes.map((n) => toCandidate(n, sides));
    });
  }

  async listMerges(limit: number): Promise<MergeRecord[]> {
    return this.read(async (tx) => {
      const result = await tx.run(Q.LIST_MERGES, { limit: neo4j.int(limit) });
      return result.records.map((r) => toMergeRecord(r.get('m') as Node));
    });
  }

  async keepApart(id: string, by: string): Promise<MatchCandidate> {
    return this.write(async (tx) => {
      await this.openCandidate(tx, id);
      return this.decide(tx, id, 'kept-apart', by, null);
    });
  }

  /**
   * Merges the candidate's other entity into `keep`: the kept entity gains the other's name and
   * aliases as aliases, its registry ids and source ids; every relationship of the other is created
   * again on the kept entity with its id and properties; the other stops being an Entity (it becomes
   * a MergedEntity, every property kept) and a Merge records what undo needs.
   */
  async merge(id: string, request: MergeRequest): Promise<MergeResponse> {
    return this.write(async (tx) => {
      const candidate = await this.openCandidate(tx, id);
      const leftId = String(candidate.properties['leftId']);
      const rightId = String(candidate.properties['rightId']);
      if (request.keep !== leftId && request.keep !== rightId) {
        throw ResolutionError.badField('keep', `must be one of the pair: "${leftId}" or "${rightId}"`);
      }
      const keptId = request.keep;
      const mergedId = keptId === leftId ? rightId : leftId;
      await tx.run(Q.LOCK_ENTITIES, { ids: [keptId, mergedId] });
      const kept = await this.entity(tx, keptId);
      const merged = await this.entity(tx, mergedId);
      const kp = kept.node.properties;
      const mp = merged.node.properties;

      const conflict = registryConflict(listOrNull(kp['registryIds']) ?? [], listOrNull(mp['registryIds']) ?? []);
      if (conflict) {
        throw ResolutionError.conflict(
          `"${keptId}" and "${mergedId}" have different registry ids of one scheme (${conflict[0]}, ${conflict[1]}): they are not one entity`,
          { keptId, mergedId },
        );
      }
      if ((kp['synthetic'] === true) !== (mp['synthetic'] === true)) {
        throw ResolutionError.conflict(
          `One of "${keptId}" and "${mergedId}" is synthetic (invented) data and the other is not: never merged`,
          { keptId, mergedId },
        );
      }

      const rows = await this.relationships(tx, mergedId);
      const moved: MovedRelationship[] = rows.map((r) => {
        const type = r.type as RelationshipType;
        if (!RELATIONSHIP_TYPES.includes(type) || typeof r.id !== 'string' || typeof r.otherId !== 'string') {
          throw ResolutionError.conflict(
            `A ${r.type} relationship of "${mergedId}" has no id or joins a node without one; it cannot be moved`,
            { mergedId },
          );
        }
        const rule = RELATIONSHIP_RULES[type];
        const loop = r.otherId === mergedId;
        const ok =
          (r.direction === 'out' || loop ? rule.from.includes(kept.kind) : true) &&
          (r.direction === 'in' || loop ? rule.to.includes(kept.kind) : true);
        if (!ok) {
          throw ResolutionError.conflict(
            `"${mergedId}" has a ${type} relationship (${r.id}) that a ${kept.kind} such as "${keptId}" cannot have`,
            { keptId, mergedId, relationshipId: r.id },
          );
        }
        return { type, id: r.id, direction: r.direction, otherId: r.otherId };
      });

      // The kept entity's lists: before (for undo) and after.
      const before: ListsBefore = {
        aliases: listOrNull(kp['aliases']),
        registryIds: listOrNull(kp['registryIds']),
        sourceIds: listOrNull(kp['sourceIds']),
      };
      const keptName = String(kp['name']);
      const aliases = union(before.aliases ?? [], [String(mp['name']), ...(listOrNull(mp['aliases']) ?? [])]).filter(
        (a) => a !== keptName,
      );
      const registryIds = union(before.registryIds ?? [], listOrNull(mp['registryIds']) ?? []);
      const sourceIds = union(before.sourceIds ?? [], listOrNull(mp['sourceIds']) ?? []);
      if (aliases.length > MAX_ALIASES || sourceIds.length > MAX_SOURCE_IDS) {
        throw ResolutionError.conflict(
          `Merged, "${keptId}" would have ${aliases.length} aliases and ${sourceIds.length} source ids; an entity holds at most ${MAX_ALIASES} and ${MAX_SOURCE_IDS}`,
          { keptId, mergedId },
        );
      }
      const added = (after: string[], was: string[] | null) => after.filter((x) => !(was ?? []).includes(x));
      await tx.run(Q.SET_ENTITY_LISTS, {
        id: keptId,
        aliases: before.aliases === null && aliases.length === 0 ? null : aliases,
        registryIds: before.registryIds === null && registryIds.length === 0 ? null : registryIds,
        sourceIds: before.sourceIds === null && sourceIds.length === 0 ? null : sourceIds,
      });

      for (const group of byTypeAndDirection(moved)) {
        const result = await tx.run(Q.moveRelationships(group.type, group.direction), {
          fromId: mergedId,
          toId: keptId,
          rows: group.rows.map((r) => ({ id: r.id })),
        });
        const count = toNumber(result.records[0]?.get('moved') ?? 0);
        if (count !== group.rows.length) throw new Error(`moved ${count} of ${group.rows.length} ${group.type}`);
      }
      const retired = await tx.run(Q.retireEntity(merged.kind), { id: mergedId });
      if (toNumber(retired.records[0]?.get('retired') ?? 0) !== 1) throw new Error(`could not retire ${mergedId}`);

      const after = await this.entity(tx, keptId);
      const mergeId = randomUUID();
      const mergedAt = new Date().toISOString();
      const created = await tx.run(Q.CREATE_MERGE, {
        props: {
          id: mergeId,
          candidateId: id,
          status: 'done',
          keptId,
          keptName,
          keptKind: kept.kind,
          mergedId,
          mergedName: String(mp['name']),
          mergedKind: merged.kind,
          relationshipsMoved: moved.length,
          aliasesAdded: added(aliases, before.aliases),
          registryIdsAdded: added(registryIds, before.registryIds),
          sourceIdsAdded: added(sourceIds, before.sourceIds),
          mergedAt,
          mergedBy: request.by,
          movedJson: JSON.stringify(moved),
          keptBeforeJson: JSON.stringify(before),
          fingerprint: entityFingerprint(after.node, await this.relationships(tx, keptId)),
        },
      });
      const merge = toMergeRecord(created.records[0]?.get('m') as Node);
      const decided = await this.decide(tx, id, 'merged', request.by, mergeId);
      return { merge, candidate: decided };
    });
  }

  /**
   * Undoes a merge exactly: the merged entity is an Entity again, its relationships back on it, the
   * kept entity's lists as they were. Refused (409) when the kept entity changed since the merge, or
   * the merged entity's id is taken again, since undoing would then lose or clash with later work.
   */
  async undo(mergeId: string, by: string): Promise<MergeResponse> {
    return this.write(async (tx) => {
      await tx.run(Q.LOCK_MERGE, { id: mergeId });
      const found = await tx.run(Q.GET_MERGE, { id: mergeId });
      const node = found.records[0]?.get('m') as Node | undefined;
      if (!node) throw ResolutionError.notFound('merge', mergeId);
      const record = toMergeRecord(node);
      const p = node.properties;
      if (record.status === 'undone') {
        throw ResolutionError.conflict(
          `Merge ${mergeId} was already undone (${record.undoneAt ?? ''} by ${record.undoneBy ?? ''})`,
          { field: 'id', mergeId },
        );
      }
      const { keptId, mergedId, mergedKind } = record;
      await tx.run(Q.LOCK_ENTITIES, { ids: [keptId, mergedId] });
      const kept = await this.entity(tx, keptId, () =>
        ResolutionError.conflict(
          `"${keptId}" is no longer an entity (merged into another since?): undo that merge first`,
          { mergeId, keptId },
        ),
      );
      const keptNow = entityFingerprint(kept.node, await this.relationships(tx, keptId));
      if (keptNow !== p['fingerprint']) {
        throw ResolutionError.conflict(
          `"${keptId}" changed since the merge (its properties or relationships differ): undoing it would lose those changes`,
          { mergeId, keptId },
        );
      }
      const present = await tx.run(Q.ENTITY_EXISTS, { id: mergedId });
      if (present.records[0]?.get('present') === true) {
        throw ResolutionError.conflict(
          `An entity with the id "${mergedId}" exists again (imported or seeded since the merge): undoing would clash with it`,
          { mergeId, mergedId },
        );
      }
      const retired = await tx.run(Q.MERGED_ENTITY, { id: mergedId });
      const retiredRecord = retired.records[0];
      if (!retiredRecord || toNumber(retiredRecord.get('degree')) !== 0 || !isEntityKind(mergedKind)) {
        throw ResolutionError.conflict(`The merged-away "${mergedId}" is missing or was changed since the merge`, {
          mergeId,
          mergedId,
        });
      }

      const restored = await tx.run(Q.restoreEntity(mergedKind), { id: mergedId });
      if (toNumber(restored.records[0]?.get('restored') ?? 0) !== 1) throw new Error(`could not restore ${mergedId}`);
      const moved = JSON.parse(String(p['movedJson'])) as MovedRelationship[];
      for (const group of byTypeAndDirection(moved)) {
        const result = await tx.run(Q.restoreRelationships(group.type, group.direction), {
          mergedId,
          rows: group.rows.map((r) => ({ id: r.id, otherId: r.otherId })),
        });
        const count = toNumber(result.records[0]?.get('restored') ?? 0);
        if (count !== group.rows.length) throw new Error(`restored ${count} of ${group.rows.length} ${group.type}`);
      }
      const before = JSON.parse(String(p['keptBeforeJson'])) as ListsBefore;
      await tx.run(Q.SET_ENTITY_LISTS, { id: keptId, ...before });

      const undone = await tx.run(Q.SET_MERGE_UNDONE, { id: mergeId, at: new Date().toISOString(), by });
      let candidate: MatchCandidate | null = null;
      if (record.candidateId) {
        const exists = await tx.run(Q.GET_CANDIDATE, { id: record.candidateId });
        if (exists.records.length > 0) candidate = await this.decide(tx, record.candidateId, 'open', null, null);
      }
      return { merge: toMergeRecord(undone.records[0]?.get('m') as Node), candidate };
    });
  }

  // ---- helpers ----

  private async openCandidate(tx: Tx, id: string): Promise<Node> {
    await tx.run(Q.LOCK_CANDIDATE, { id });
    const result = await tx.run(Q.GET_CANDIDATE, { id });
    const node = result.records[0]?.get('c') as Node | undefined;
    if (!node) throw ResolutionError.notFound('candidate', id);
    const status = String(node.properties['status']);
    if (status !== 'open') {
      const who = node.properties['decidedBy'] ? ` by ${String(node.properties['decidedBy'])}` : '';
      const hint = status === 'merged' ? '; undo the merge to reopen it' : '';
      throw ResolutionError.conflict(`Candidate ${id} is already ${status}${who}${hint}`, {
        field: 'id',
        status,
      });
    }
    return node;
  }

  /** Sets a candidate's status (null `by`: reopened) and answers it with its evidence. */
  private async decide(
    tx: Tx,
    id: string,
    status: 'open' | 'merged' | 'kept-apart',
    by: string | null,
    mergeId: string | null,
  ): Promise<MatchCandidate> {
    const at = by === null ? null : new Date().toISOString();
    const result = await tx.run(Q.SET_CANDIDATE_DECISION, { id, status, at, by, mergeId });
    const node = result.records[0]?.get('c') as Node;
    const ids = [String(node.properties['leftId']), String(node.properties['rightId'])];
    return toCandidate(node, await this.evidence(tx, ids));
  }

  private async entity(
    tx: Tx,
    id: string,
    missing: () => ResolutionError = () =>
      ResolutionError.conflict(`"${id}" is no longer an entity (merged into another since, or deleted)`, { id }),
  ): Promise<{ node: Node; kind: EntityKind }> {
    const result = await tx.run(Q.GET_ENTITY, { id });
    const record = result.records[0];
    const kind: unknown = record?.get('kind');
    if (!record || !isEntityKind(kind)) throw missing();
    return { node: record.get('n') as Node, kind };
  }

  private async relationships(tx: Tx, id: string): Promise<RelationshipRow[]> {
    const result = await tx.run(Q.ENTITY_RELATIONSHIPS, { id });
    return result.records.map((r) => ({
      type: String(r.get('type')),
      id: r.get('id') as unknown,
      direction: r.get('direction') as 'out' | 'in',
      otherId: r.get('otherId') as unknown,
      props: r.get('props') as Record<string, unknown>,
    }));
  }

  private async evidence(tx: Tx, ids: readonly string[]): Promise<Map<string, CandidateSide>> {
    const sides = new Map<string, CandidateSide>();
    if (ids.length === 0) return sides;
    const result = await tx.run(Q.ENTITY_EVIDENCE, { ids });
    for (const r of result.records) {
      const side = toSide(r.get('n') as Node, r.get('kind'), r.get('counts'), r.get('sources'));
      sides.set(side.id, side);
    }
    return sides;
  }

  private async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead(work, { timeout: this.timeoutMs });
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    await this.ensureConstraints();
    const session = this.db.driver.session({ database: this.db.database });
    try {
      return await session.executeWrite(work, { timeout: this.timeoutMs });
    } finally {
      await session.close();
    }
  }

  /** The constraints, once per repository; a failure (database down) is retried on the next write. */
  private ensureConstraints(): Promise<void> {
    this.constraints ??= (async () => {
      for (const statement of Q.RESOLUTION_CONSTRAINTS) {
        await this.db.driver.executeQuery(statement, {}, { database: this.db.database });
      }
    })().catch((error: unknown) => {
      this.constraints = null;
      throw error;
    });
    return this.constraints;
  }
}
