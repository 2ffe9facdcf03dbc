import { z } from 'zod';
import { IdSchema } from './primitives.ts';

/** The file formats a subgraph can be exported to (png/svg/html need the browser and come later). */
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
 * POST /api/export. `nodeIds` are expanded by `hops` along every relationship type. A console query
 * (`query`, `params`) is part of the issue but waits for the console's safety rules: it is refused
 * with a 400 naming `query` until then.
 */
export const ExportRequestSchema = z
  .object({
    format: ExportFormatSchema,
    nodeIds: z.array(IdSchema).min(1, 'name at least one id').max(EXPORT_LIMITS.nodeIdsMax).optional(),
    hops: z.number().int().min(0).max(EXPORT_LIMITS.hopsMax).default(EXPORT_LIMITS.hopsDefault),
    query: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((request, ctx) => {
    if (request.query !== undefined || request.params !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [request.query !== undefined ? 'query' : 'params'],
        message: 'exporting a console query is not yet supported; export by nodeIds',
      });
    } else if (request.nodeIds === undefined) {
      ctx.addIssue({ code: 'custom', path: ['nodeIds'], message: 'required' });
    }
  });
export type ExportRequest = z.infer<typeof ExportRequestSchema>;
