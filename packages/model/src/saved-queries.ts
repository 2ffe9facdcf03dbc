import { z } from 'zod';
import { CONSOLE_ERROR_CODES, ConsoleRequestSchema } from './console.ts';
import { JsonValueSchema } from './graph.ts';

/**
 * Saved, named console queries (issue 4), kept on the server so that a link `/console?saved=<id>`
 * opens and runs one. They are not part of the ontology: the database holds them under their own label.
 */

export const SAVED_QUERY_LIMITS = {
  nameMaxChars: 120,
  descriptionMaxChars: 2_000,
  /** Parameters as JSON text: a saved query is a query, not a place to store data. */
  paramsMaxChars: 20_000,
} as const;

export const SavedQueryIdSchema = z.uuid('must be a saved query id (a UUID)');

export const SavedQueryParamsSchema = z.object({ id: SavedQueryIdSchema });

const textField = (field: string, max: number) =>
  z
    .string(`${field} must be text`)
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/** POST /api/saved-queries. The query obeys the console's own bounds (and later its read-only check). */
export const SaveQueryRequestSchema = z.object({
  name: textField('name', SAVED_QUERY_LIMITS.nameMaxChars),
  query: ConsoleRequestSchema.shape.query,
  params: z
    .record(z.string(), JsonValueSchema, 'params must be a JSON object, e.g. {"id": "hikvision"}')
    .refine((params) => JSON.stringify(params).length <= SAVED_QUERY_LIMITS.paramsMaxChars, {
      message: `params must be at most ${SAVED_QUERY_LIMITS.paramsMaxChars} characters as JSON`,
    })
    .default({}),
  description: z.string('description must be text').trim().max(SAVED_QUERY_LIMITS.descriptionMaxChars).optional(),
});
export type SaveQueryRequest = z.infer<typeof SaveQueryRequestSchema>;

export const SavedQuerySchema = z.object({
  id: SavedQueryIdSchema,
  name: z.string(),
  query: z.string(),
  params: z.record(z.string(), JsonValueSchema),
  description: z.string().nullable(),
  /** ISO 8601, UTC. */
  createdAt: z.iso.datetime(),
});
export type SavedQuery = z.infer<typeof SavedQuerySchema>;

/** GET /api/saved-queries: newest first. */
export const SavedQueryListResponseSchema = z.object({ savedQueries: z.array(SavedQuerySchema) });
export type SavedQueryListResponse = z.infer<typeof SavedQueryListResponseSchema>;

/** The console's error codes (a refused query is refused as the console refuses it), plus 404 and 409. */
export const SAVED_QUERY_ERROR_CODES = [...CONSOLE_ERROR_CODES, 'not_found', 'conflict'] as const;
export const SavedQueryErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(SAVED_QUERY_ERROR_CODES),
    message: z.string(),
    details: z
      .object({
        /** The request fields at fault (400, 409). */
        fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
        neo4jCode: z.string().optional(),
        position: z.object({ offset: z.number(), line: z.number(), column: z.number() }).nullable().optional(),
      })
      .loose()
      .optional(),
  }),
});
export type SavedQueryErrorBody = z.infer<typeof SavedQueryErrorBodySchema>;
