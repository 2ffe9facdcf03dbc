import { z } from 'zod';
import { CONSOLE_LIMITS } from './console.ts';
import { JsonValueSchema } from './graph.ts';
import { IdSchema } from './primitives.ts';

/** The file formats the API writes a subgraph in (the web app also draws the canvas as png and svg). */
export const EXPORT_FORMATS = [
  'json',
  'cyjs',
  'graphml',
  'gexf',
  'csv',
  'cypher',
  'ftm',
  'sources-md',
  'sources-csv',
  'html',
] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const EXPORT_LIMITS = {
  /** How many ids one request may name. */
  nodeIdsMax: 1000,
  hopsDefault: 0,
  hopsMax: 3,
  /** Entities in one export (cited sources not counted); a bigger subgraph is refused, never cut silently. */
  nodesMax: 5000,
} as const;

/**
 * POST /api/export: either `nodeIds` expanded by `hops` along every relationship type, or a console
 * `query` (with `params`) run under the console's safety rules, whose result's entities and
 * relationships are exported. Never both.
 */
export const ExportRequestSchema = z
  .object({
    format: ExportFormatSchema,
    nodeIds: z.array(IdSchema).min(1, 'name at least one id').max(EXPORT_LIMITS.nodeIdsMax).optional(),
    hops: z.number().int().min(0).max(EXPORT_LIMITS.hopsMax).default(EXPORT_LIMITS.hopsDefault),
    query: z.string().trim().min(1, 'query must not be empty').max(CONSOLE_LIMITS.queryMaxChars).optional(),
    params: z.record(z.string(), JsonValueSchema).optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.query !== undefined && request.nodeIds !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'give either nodeIds or query, not both' });
    } else if (request.query === undefined && request.nodeIds === undefined) {
      ctx.addIssue({ code: 'custom', path: ['nodeIds'], message: 'required (or a query)' });
    }
    if (request.params !== undefined && request.query === undefined) {
      ctx.addIssue({ code: 'custom', path: ['params'], message: 'params belong to a query' });
    }
    if (request.query !== undefined && request.hops !== 0) {
      // A query says itself what it returns; expanding its result would export what it did not ask for.
      ctx.addIssue({ code: 'custom', path: ['hops'], message: 'hops apply to nodeIds only' });
    }
  });
export type ExportRequest = z.infer<typeof ExportRequestSchema>;
