import { z } from 'zod';
import { CountrySchema, CurrencySchema, IdSchema, PartialDateSchema, UrlSchema, textSchema } from './primitives.ts';

/** Every kind of node in the graph. Each is stored as a Neo4j label next to the common `Entity` label. */
export const ENTITY_KINDS = [
  'Company',
  'PublicSecurityBody',
  'GovernmentBody',
  'Person',
  'Product',
  'TechnologyCategory',
  'Procurement',
  'Source',
  'ControlList',
  'Event',
] as const;
export const EntityKindSchema = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKindSchema>;

export const COMPANY_ROLES = ['manufacturer', 'distributor', 'agent', 'integrator', 'reseller', 'investor'] as const;
export const CompanyRoleSchema = z.enum(COMPANY_ROLES);

export const PUBLIC_SECURITY_LEVELS = [
  'ministry',
  'provincial',
  'prefecture',
  'county',
  'institute',
  'college',
  'prison',
  'detention',
  'xpcc',
  /** The source does not say (a group of unnamed bodies, or a unit it does not identify). */
  'unspecified',
] as const;
export const PublicSecurityLevelSchema = z.enum(PUBLIC_SECURITY_LEVELS);

/** The technology areas the seed article names. */
export const TECHNOLOGY_AREAS = [
  'dna-analysis',
  'thermal-imaging',
  'optics',
  'surveillance',
  'cybersecurity',
  'network-infrastructure',
  'data-storage',
  'digital-forensics',
  'aviation',
  'counter-surveillance',
] as const;
export const TechnologyAreaSchema = z.enum(TECHNOLOGY_AREAS);

/** How many other names and registry identifiers one entity may hold. */
export const ALIASES_MAX = 100;
export const REGISTRY_IDS_MAX = 50;

/** Registry identifiers as "SCHEME:value", e.g. "SZSE:002415", "USCC:91330000…", "CIK:0000354908". */
const RegistryIdsSchema = z
  .array(z.string().regex(/^[A-Z][A-Z0-9]*:\S+$/, 'must be SCHEME:value'))
  .max(REGISTRY_IDS_MAX);

/** Fields every entity has. */
const entityBase = {
  id: IdSchema,
  name: textSchema(500),
  /** Other names: Chinese names, former names, abbreviations, spellings used by a source. */
  aliases: z.array(textSchema(500)).max(ALIASES_MAX).default([]),
  country: CountrySchema.optional(),
  description: textSchema(4000).optional(),
  /** The entity stands for an unnamed set ("public security entities in Xinjiang"), not one body. */
  group: z.boolean().default(false),
  /** For a group: how many members the source says it has, when it says. */
  memberCount: z.number().int().positive().optional(),
  /** Invented for demonstration or load testing; never to be read as a fact. */
  synthetic: z.boolean().default(false),
  /** Sources for the entity's own attributes (names, aliases, description). */
  sourceIds: z.array(IdSchema).max(200).default([]),
};

export const CompanySchema = z.object({
  ...entityBase,
  kind: z.literal('Company'),
  roles: z.array(CompanyRoleSchema).default([]),
  sector: textSchema(200).optional(),
  headquarters: textSchema(200).optional(),
  /** Registry identifiers as "SCHEME:value", e.g. "SZSE:002415", "USCC:91330000…", "CIK:0000354908". */
  registryIds: RegistryIdsSchema.default([]),
});

export const PublicSecurityBodySchema = z.object({
  ...entityBase,
  kind: z.literal('PublicSecurityBody'),
  level: PublicSecurityLevelSchema,
  region: textSchema(200).optional(),
  /** A public body's Unified Social Credit Code (11…), when a record gives it. */
  registryIds: RegistryIdsSchema.optional(),
});

export const GovernmentBodySchema = z.object({
  ...entityBase,
  kind: z.literal('GovernmentBody'),
  jurisdiction: textSchema(200).optional(),
  /** A public body's Unified Social Credit Code (11…), when a record gives it. */
  registryIds: RegistryIdsSchema.optional(),
});

export const PersonSchema = z.object({
  ...entityBase,
  kind: z.literal('Person'),
  title: textSchema(300).optional(),
});

export const ProductSchema = z.object({
  ...entityBase,
  kind: z.literal('Product'),
  productLine: textSchema(200).optional(),
});

export const TechnologyCategorySchema = z.object({
  ...entityBase,
  kind: z.literal('TechnologyCategory'),
  area: TechnologyAreaSchema,
});

export const ProcurementSchema = z
  .object({
    ...entityBase,
    kind: z.literal('Procurement'),
    /** The day, month or year of the purchase, when one is given. */
    date: PartialDateSchema.optional(),
    /** Or the period it falls in ("early-to-mid 2022" → 2022-01 .. 2022-08, with the wording in periodNote). */
    periodStart: PartialDateSchema.optional(),
    periodEnd: PartialDateSchema.optional(),
    periodNote: textSchema(200).optional(),
    items: textSchema(2000),
    quantity: z.number().nonnegative().optional(),
    /** True when the source gives the quantity as a lower bound ("at least 481"). */
    quantityIsMinimum: z.boolean().optional(),
    amount: z.number().nonnegative().optional(),
    /** True when the source gives the amount as a lower bound ("at least $521,165"). */
    amountIsMinimum: z.boolean().optional(),
    currency: CurrencySchema.optional(),
  })
  .refine((p) => p.amount === undefined || p.currency !== undefined, {
    message: 'an amount needs a currency',
    path: ['currency'],
  })
  .refine((p) => !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd, {
    message: 'periodStart must not be after periodEnd',
    path: ['periodEnd'],
  });

export const SourceSchema = z.object({
  ...entityBase,
  kind: z.literal('Source'),
  /** `name` is the document's title. */
  publisher: textSchema(300).optional(),
  date: PartialDateSchema.optional(),
  url: UrlSchema.optional(),
  /** A passage quoted from the document, as stored. */
  quote: textSchema(4000).optional(),
  /** Why this source is weaker than it looks (a reprint, a repost, a low-quality site). */
  reliabilityNote: textSchema(1000).optional(),
});

export const ControlListSchema = z.object({
  ...entityBase,
  kind: z.literal('ControlList'),
  authority: textSchema(300).optional(),
  url: UrlSchema.optional(),
});

export const EventSchema = z.object({
  ...entityBase,
  kind: z.literal('Event'),
  date: PartialDateSchema.optional(),
  location: textSchema(300).optional(),
});

/** One entity record as found in a seed or import file. */
export const EntityRecordSchema = z.discriminatedUnion('kind', [
  CompanySchema,
  PublicSecurityBodySchema,
  GovernmentBodySchema,
  PersonSchema,
  ProductSchema,
  TechnologyCategorySchema,
  ProcurementSchema,
  SourceSchema,
  ControlListSchema,
  EventSchema,
]);
export type EntityRecord = z.infer<typeof EntityRecordSchema>;
export type EntityRecordInput = z.input<typeof EntityRecordSchema>;
export type SourceRecord = z.infer<typeof SourceSchema>;
