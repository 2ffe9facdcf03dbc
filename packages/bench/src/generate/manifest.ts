import { DatasetMetaSchema, ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const ENTITIES_FILE = 'entities.jsonl';
export const RELATIONSHIPS_FILE = 'relationships.jsonl';
export const MANIFEST_FORMAT = 'explorer-synthetic-jsonl/1';

/**
 * What a generated dataset folder holds. Written last, so a folder without it is an interrupted run.
 * `probes` are ids and terms the benchmark asks for: hubs, ordinary nodes, names that exist.
 */
export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  meta: DatasetMetaSchema,
  seed: z.number().int(),
  entities: z.number().int().nonnegative(),
  relationships: z.number().int().nonnegative(),
  byKind: z.partialRecord(z.enum(ENTITY_KINDS), z.number().int().nonnegative()),
  byType: z.partialRecord(z.enum(RELATIONSHIP_TYPES), z.number().int().nonnegative()),
  files: z.object({ entities: z.literal(ENTITIES_FILE), relationships: z.literal(RELATIONSHIPS_FILE) }),
  probes: z.object({
    /** The most linked entities (US manufacturers, distributors, products at the head of the Zipf tail). */
    hubs: z.array(z.string()).min(1),
    /** Chinese firms at the end of their range: a handful of links each. */
    ordinary: z.array(z.string()).min(1),
    /** Mid-rank US manufacturers: trace starts. */
    manufacturers: z.array(z.string()).min(1),
    /** Names (English, Chinese, misspelt) that are in the data. */
    searchTerms: z.array(z.string()).min(1),
  }),
});
export type Manifest = z.infer<typeof ManifestSchema>;
