import { type Confidence, type EntityKind, type RelationshipType } from '@explorer/model';
import { entityId, type Plan } from './plan.ts';
import { type Random } from './random.ts';

/** One entity as a line of entities.jsonl (the model's input shape). */
export interface EntityLine {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  synthetic: true;
  [field: string]: unknown;
}

/** One relationship as a line of relationships.jsonl. */
export interface RelationshipLine {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  sourceIds: string[];
  confidence: Confidence;
  synthetic: true;
  [field: string]: unknown;
}

/** What generating one entity yields: the entity and the relationships it starts (or owns). */
export interface Generated {
  entity: EntityLine;
  relationships: RelationshipLine[];
}

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2024;

/** Shared helpers of the per-kind generators. */
export class GenerationContext {
  constructor(
    readonly seed: number,
    readonly plan: Plan,
  ) {}

  /** One or two synthetic Source entities, cited like real sources are. */
  cite(random: Random): string[] {
    const n = this.plan.counts.Source;
    const first = entityId('Source', random.int(n));
    if (!random.chance(0.15)) return [first];
    const second = entityId('Source', random.int(n));
    return second === first ? [first] : [first, second];
  }

  year(random: Random): number {
    return random.between(FIRST_YEAR, LAST_YEAR);
  }

  date(random: Random): string {
    const month = String(random.between(1, 12)).padStart(2, '0');
    const day = String(random.between(1, 28)).padStart(2, '0');
    return `${this.year(random)}-${month}-${day}`;
  }

  /**
   * A relationship owned by `owner` (its k-th): ids are `<owner id>-r<k>`, so they are unique and
   * stable without a global counter.
   */
  relationship(
    owner: string,
    k: number,
    type: RelationshipType,
    source: string,
    target: string,
    random: Random,
    extra: Record<string, unknown> = {},
  ): RelationshipLine {
    const roll = random.next();
    const confidence: Confidence = roll < 0.6 ? 'high' : roll < 0.9 ? 'medium' : 'low';
    return {
      id: `${owner}-r${k}`,
      type,
      source,
      target,
      ...extra,
      sourceIds: this.cite(random),
      from: String(this.year(random)),
      confidence,
      synthetic: true,
    };
  }
}
