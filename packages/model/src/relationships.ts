import { z } from 'zod';
import { type EntityKind } from './entities.ts';
import { ConfidenceSchema, CurrencySchema, IdSchema, PartialDateSchema, textSchema } from './primitives.ts';

/** Every relationship type. Cypher only ever names a type taken from this list. */
export const RELATIONSHIP_TYPES = [
  'MANUFACTURES',
  'IN_CATEGORY',
  'DISTRIBUTES_FOR',
  'SUPPLIED',
  'SUBSIDIARY_OF',
  'OWNS',
  'ACQUIRED',
  'INVESTED_IN',
  'PART_OF',
  'BUYER',
  'SUPPLIER',
  'ITEM',
  'LISTED_ON',
  'EXHIBITED_AT',
  'AT_EVENT',
  'ADMINISTERS',
  'COOPERATES_WITH',
] as const;
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipTypeSchema>;

const PARTY_KINDS = ['Company', 'PublicSecurityBody', 'GovernmentBody', 'Person'] as const;
const ORGANISATION_KINDS = ['Company', 'PublicSecurityBody', 'GovernmentBody'] as const;

/**
 * What each type means and which kinds it may join: the loader refuses any other pairing,
 * so that a path in the graph always reads as a sentence.
 */
export const RELATIONSHIP_RULES: Record<
  RelationshipType,
  { from: readonly EntityKind[]; to: readonly EntityKind[]; reads: string }
> = {
  MANUFACTURES: { from: ['Company'], to: ['Product'], reads: 'manufactures' },
  IN_CATEGORY: {
    from: ['Product', 'Company', 'Procurement', 'Event'],
    to: ['TechnologyCategory'],
    reads: 'is in the technology category',
  },
  DISTRIBUTES_FOR: { from: ['Company'], to: ['Company'], reads: 'distributes or is an agent for' },
  SUPPLIED: {
    from: ['Company', 'GovernmentBody', 'Person'],
    to: [...PARTY_KINDS],
    reads: 'was reported to have supplied',
  },
  SUBSIDIARY_OF: { from: ['Company'], to: ['Company'], reads: 'is a subsidiary of' },
  OWNS: { from: [...PARTY_KINDS], to: ['Company'], reads: 'owns a stake in' },
  ACQUIRED: { from: ['Company'], to: ['Company', 'Product'], reads: 'acquired' },
  INVESTED_IN: { from: [...PARTY_KINDS], to: ['Company'], reads: 'invested in' },
  PART_OF: {
    from: [...ORGANISATION_KINDS, 'Person'],
    to: [...ORGANISATION_KINDS],
    reads: 'is part of',
  },
  BUYER: { from: ['Procurement'], to: [...PARTY_KINDS], reads: 'was bought by' },
  SUPPLIER: { from: ['Procurement'], to: ['Company', 'GovernmentBody'], reads: 'was supplied by' },
  ITEM: { from: ['Procurement'], to: ['Product', 'Company'], reads: 'bought goods of' },
  LISTED_ON: { from: [...PARTY_KINDS], to: ['ControlList'], reads: 'is listed on' },
  EXHIBITED_AT: { from: ['Company'], to: ['Event'], reads: 'exhibited at' },
  AT_EVENT: { from: ['Procurement'], to: ['Event'], reads: 'was made at' },
  ADMINISTERS: { from: ['GovernmentBody'], to: ['ControlList'], reads: 'administers' },
  COOPERATES_WITH: {
    from: [...ORGANISATION_KINDS],
    to: [...ORGANISATION_KINDS],
    reads: 'works with',
  },
};

/**
 * Which way technology flows along each type, for tracing supply chains.
 * `forward`: from the relationship's start to its end (a seller SUPPLIED a buyer);
 * `backward`: from its end to its start (a distributor DISTRIBUTES_FOR a manufacturer,
 * so goods flow manufacturer → distributor). Types not listed carry no flow.
 */
export const TRACE_FLOW: Partial<Record<RelationshipType, 'forward' | 'backward'>> = {
  MANUFACTURES: 'forward',
  DISTRIBUTES_FOR: 'backward',
  SUPPLIED: 'forward',
  SUBSIDIARY_OF: 'backward',
  OWNS: 'forward',
  ACQUIRED: 'backward',
  INVESTED_IN: 'forward',
  PART_OF: 'forward',
  BUYER: 'forward',
  SUPPLIER: 'backward',
  ITEM: 'backward',
  EXHIBITED_AT: 'forward',
  AT_EVENT: 'backward',
};

/**
 * A deal that was only announced, or abandoned, moved no technology: the trace does not follow
 * relationships with these statuses (only ACQUIRED has a status today).
 */
export const NON_FLOWING_STATUSES: readonly string[] = ['announced', 'abandoned'];

/** The types to follow out of and into a node when tracing downstream or upstream. */
export function traceTypes(direction: 'downstream' | 'upstream'): {
  outgoing: RelationshipType[];
  incoming: RelationshipType[];
} {
  const outgoing: RelationshipType[] = [];
  const incoming: RelationshipType[] = [];
  for (const [type, flow] of Object.entries(TRACE_FLOW) as Array<[RelationshipType, 'forward' | 'backward']>) {
    const followsStartToEnd = (flow === 'forward') === (direction === 'downstream');
    (followsStartToEnd ? outgoing : incoming).push(type);
  }
  return { outgoing, incoming };
}

/**
 * Types that join many unrelated entities through one hub (every listed firm shares the Entity List
 * node): a path through them says nothing, so path finding skips them unless asked.
 */
export const HUB_RELATIONSHIP_TYPES: readonly RelationshipType[] = ['LISTED_ON', 'IN_CATEGORY', 'ADMINISTERS'];

const relationshipBase = {
  id: IdSchema,
  /** Id of the entity the relationship starts at. */
  source: IdSchema,
  /** Id of the entity it ends at. */
  target: IdSchema,
  /** The Source entities that state this fact. Real data always cites at least one. */
  sourceIds: z.array(IdSchema).min(1, 'every relationship cites at least one source').max(200),
  from: PartialDateSchema.optional(),
  to: PartialDateSchema.optional(),
  confidence: ConfidenceSchema.default('high'),
  note: textSchema(2000).optional(),
  /** The passage of the cited source that states the fact. */
  quote: textSchema(4000).optional(),
  synthetic: z.boolean().default(false),
};

const plain = <T extends RelationshipType>(type: T) => z.object({ ...relationshipBase, type: z.literal(type) });

/** A percentage share, 0–100. */
const ShareSchema = z.number().min(0).max(100);

export const RelationshipRecordSchema = z
  .discriminatedUnion('type', [
    plain('MANUFACTURES'),
    plain('IN_CATEGORY'),
    plain('DISTRIBUTES_FOR'),
    z.object({
      ...relationshipBase,
      type: z.literal('SUPPLIED'),
      items: textSchema(2000).optional(),
      quantity: z.number().nonnegative().optional(),
      amount: z.number().nonnegative().optional(),
      currency: CurrencySchema.optional(),
    }),
    plain('SUBSIDIARY_OF'),
    z.object({ ...relationshipBase, type: z.literal('OWNS'), share: ShareSchema.optional() }),
    z.object({
      ...relationshipBase,
      type: z.literal('ACQUIRED'),
      /** The stake bought, in percent. */
      stake: ShareSchema.optional(),
      amount: z.number().nonnegative().optional(),
      currency: CurrencySchema.optional(),
      status: z.enum(['announced', 'completed', 'abandoned']).default('completed'),
    }),
    z.object({
      ...relationshipBase,
      type: z.literal('INVESTED_IN'),
      share: ShareSchema.optional(),
    }),
    plain('PART_OF'),
    plain('BUYER'),
    plain('SUPPLIER'),
    z.object({ ...relationshipBase, type: z.literal('ITEM'), quantity: z.number().nonnegative().optional() }),
    z.object({
      ...relationshipBase,
      type: z.literal('LISTED_ON'),
      /** The Federal Register or press-release citation, e.g. "84 FR 54002" or "FR Doc. 2019-22210". */
      citation: textSchema(300),
    }),
    plain('EXHIBITED_AT'),
    plain('AT_EVENT'),
    plain('ADMINISTERS'),
    plain('COOPERATES_WITH'),
  ])
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  })
  .refine((r) => r.source !== r.target, {
    message: 'a relationship cannot join an entity to itself',
    path: ['target'],
  });
export type RelationshipRecord = z.infer<typeof RelationshipRecordSchema>;
export type RelationshipRecordInput = z.input<typeof RelationshipRecordSchema>;
