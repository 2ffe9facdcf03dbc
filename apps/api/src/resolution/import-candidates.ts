import { createHash } from 'node:crypto';
import type { MatchReason } from '@explorer/model';
import type { ManagedTransaction } from 'neo4j-driver';
import type { CandidateMatch } from './entity-matcher.ts';
import { EXISTING_CANDIDATE_COUNT, MERGE_CANDIDATES } from './queries.ts';

/** An uncertain match an import holds for review: the entity it created and one it may be. */
export interface PlannedCandidate {
  id: string;
  /** The entity already there (or created by an earlier row of the file), and its name that matched. */
  leftId: string;
  leftName: string;
  /** The entity the row created, and the row's name for it. */
  rightId: string;
  rightName: string;
  reason: MatchReason;
  score: number;
  line: number;
  field: string;
}

/** One candidate per pair of entities, whichever side an import finds first. */
export function candidateId(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `cand-${createHash('sha256').update(`${x}\u0000${y}`).digest('hex').slice(0, 16)}`;
}

/** As many candidates as one new entity raises over all its names (the matcher's own cap is per name). */
export const CANDIDATES_PER_ENTITY_MAX = 3;

/** The best match offered for each entity over all the names a new entity goes by; the best few are held. */
export class CandidateOffers {
  private readonly byEntity = new Map<string, CandidateMatch>();

  offer(match: CandidateMatch): void {
    const prior = this.byEntity.get(match.entity.id);
    if (!prior || prior.score < match.score) this.byEntity.set(match.entity.id, match);
  }

  /** Highest score first. */
  best(): CandidateMatch[] {
    return [...this.byEntity.values()].sort((a, b) => b.score - a.score).slice(0, CANDIDATES_PER_ENTITY_MAX);
  }
}

/**
 * Holds, in a plan's candidates, the uncertain matches of an entity the import just created: one per
 * pair of entities, whichever row finds it first.
 */
export function holdCandidates(
  held: Map<string, PlannedCandidate>,
  matches: readonly CandidateMatch[],
  created: { id: string; name: string },
  at: { line: number; field: string },
): void {
  for (const match of matches) {
    const id = candidateId(match.entity.id, created.id);
    if (match.entity.id === created.id || held.has(id)) continue;
    held.set(id, {
      id,
      leftId: match.entity.id,
      leftName: match.name,
      rightId: created.id,
      rightName: created.name,
      reason: match.reason,
      score: match.score,
      ...at,
    });
  }
}

/**
 * Writes, in the import's own transaction, the candidates its plan holds; a pair held before (open,
 * merged or kept apart) is left as it was. Returns how many are new.
 */
export async function writeCandidates(
  tx: Pick<ManagedTransaction, 'run'>,
  candidates: readonly PlannedCandidate[] | undefined,
  raisedBy: { fileName: string; sha256: string; by?: string | null; now?: Date },
): Promise<number> {
  if (!candidates || candidates.length === 0) return 0;
  const createdAt = (raisedBy.now ?? new Date()).toISOString();
  const rows = candidates.map((c) => ({
    ...c,
    status: 'open',
    fileName: raisedBy.fileName,
    sha256: raisedBy.sha256,
    createdAt,
    createdBy: raisedBy.by ?? `import of ${raisedBy.fileName}`,
  }));
  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const result = await tx.run(MERGE_CANDIDATES, { rows: rows.slice(i, i + 1000) });
    created += result.summary.counters.updates().nodesCreated;
  }
  return created;
}

/** For a dry run: how many of the plan's candidates writeCandidates would add (those not held before). */
export async function countNewCandidates(
  tx: Pick<ManagedTransaction, 'run'>,
  candidates: readonly PlannedCandidate[] | undefined,
): Promise<number> {
  if (!candidates || candidates.length === 0) return 0;
  let existing = 0;
  for (let i = 0; i < candidates.length; i += 1000) {
    const ids = candidates.slice(i, i + 1000).map((c) => c.id);
    const result = await tx.run(EXISTING_CANDIDATE_COUNT, { ids });
    existing += Number(result.records[0]?.get('existing') ?? 0);
  }
  return candidates.length - existing;
}
