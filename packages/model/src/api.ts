import { z } from 'zod';
import { EntityKindSchema } from './entities.ts';
import { FlagsSchema, GraphEdgeSchema, GraphNodeSchema, GraphSchema } from './graph.ts';
import { IdSchema } from './primitives.ts';
import { RelationshipTypeSchema } from './relationships.ts';

/**
 * The HTTP contract: request schemas (what routes accept, parsed from query strings) and response
 * schemas (what they return). The api validates requests with them; the web app types its calls.
 */

/** A query-string list: "a,b" or repeated ?x=a&x=b, empty entries dropped. */
const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
    return parts.map((p) => p.trim()).filter((p) => p.length > 0);
  }, z.array(item).max(50).optional());

const intParam = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const LIMITS = {
  searchDefault: 20,
  searchMax: 100,
  neighborsDefault: 100,
  neighborsMax: 500,
  pathHopsDefault: 6,
  pathHopsMax: 10,
  pathKDefault: 3,
  pathKMax: 10,
  traceHopsDefault: 6,
  traceHopsMax: 10,
  traceNodesMax: 500,
  /**
   * An entity's sources come from itself and at most this many of its relationships (a hub has tens of
   * thousands; each relationship shows its own). 500 took a 1M graph's biggest hub 100 ms; 100 takes 15.
   */
  entitySourceRelationshipsMax: 100,
  /** And number at most this many. */
  entitySourcesMax: 100,
} as const;

// ---- requests ----

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(200),
  kinds: csvList(EntityKindSchema),
  limit: intParam(1, LIMITS.searchMax, LIMITS.searchDefault),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const EntityParamsSchema = z.object({ id: IdSchema });

export const DIRECTIONS = ['out', 'in', 'both'] as const;
export const NeighborsQuerySchema = z.object({
  types: csvList(RelationshipTypeSchema),
  direction: z.enum(DIRECTIONS).default('both'),
  limit: intParam(1, LIMITS.neighborsMax, LIMITS.neighborsDefault),
  /** Where the page starts: the `nextCursor` of the previous page (same id, types and direction). */
  cursor: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,8})$/, 'cursor must be the nextCursor of an earlier answer')
    .optional(),
});
export type NeighborsQuery = z.infer<typeof NeighborsQuerySchema>;

export const PathsQuerySchema = z
  .object({
    from: IdSchema,
    to: IdSchema,
    maxHops: intParam(1, LIMITS.pathHopsMax, LIMITS.pathHopsDefault),
    types: csvList(RelationshipTypeSchema),
    mode: z.enum(['shortest', 'k']).default('shortest'),
    k: intParam(1, LIMITS.pathKMax, LIMITS.pathKDefault),
  })
  .refine((q) => q.from !== q.to, { message: 'from and to must differ', path: ['to'] });
export type PathsQuery = z.infer<typeof PathsQuerySchema>;

export const TraceQuerySchema = z.object({
  from: IdSchema,
  direction: z.enum(['downstream', 'upstream']).default('downstream'),
  maxHops: intParam(1, LIMITS.traceHopsMax, LIMITS.traceHopsDefault),
});
export type TraceQuery = z.infer<typeof TraceQuerySchema>;

// ---- responses ----

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  /** `restarting`: the API is bringing its embedded database back after it died. */
  neo4j: z.enum(['up', 'down', 'restarting']),
  version: z.string(),
  /** What the database said when it is down, so an operator sees why. */
  detail: z.string().optional(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const SchemaResponseSchema = z.object({
  entityKinds: z.array(z.object({ kind: EntityKindSchema, count: z.number() })),
  relationshipTypes: z.array(z.object({ type: RelationshipTypeSchema, count: z.number() })),
});
export type SchemaResponse = z.infer<typeof SchemaResponseSchema>;

export const SearchResultSchema = z.object({
  id: z.string(),
  kind: EntityKindSchema,
  name: z.string(),
  aliases: z.array(z.string()),
  country: z.string().nullable(),
  score: z.number(),
  flags: FlagsSchema,
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
export const SearchResponseSchema = z.object({ results: z.array(SearchResultSchema) });
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/** A relationship of the entity, counted by type and direction. */
export const RelationshipCountSchema = z.object({
  type: RelationshipTypeSchema,
  direction: z.enum(['out', 'in']),
  count: z.number(),
});
export const EntityResponseSchema = z.object({
  entity: GraphNodeSchema,
  /**
   * The Sources cited by the entity itself and by its relationships, newest first. For a hub, by its
   * first LIMITS.entitySourceRelationshipsMax relationships only, and at most LIMITS.entitySourcesMax:
   * then `sourcesTruncated`, and each relationship's own sources are on the relationship.
   */
  sources: z.array(GraphNodeSchema),
  sourcesTruncated: z.boolean(),
  relationshipCounts: z.array(RelationshipCountSchema),
});
export type EntityResponse = z.infer<typeof EntityResponseSchema>;

/** A graph, and whether a cap cut it short. */
export const BoundedGraphResponseSchema = GraphSchema.extend({ truncated: z.boolean() });
export type BoundedGraphResponse = z.infer<typeof BoundedGraphResponseSchema>;

/**
 * One page of an entity's neighbourhood. `truncated`: the answer is not the whole neighbourhood;
 * `nextCursor`: pass it as `cursor` for the next page, null on the last one.
 */
export const NeighborsResponseSchema = BoundedGraphResponseSchema.extend({ nextCursor: z.string().nullable() });
export type NeighborsResponse = z.infer<typeof NeighborsResponseSchema>;

/** A trace: the graph reached, and how many hops from the start each node is (for left-to-right layouts). */
export const TraceResponseSchema = BoundedGraphResponseSchema.extend({ depth: z.record(z.string(), z.number()) });
export type TraceResponse = z.infer<typeof TraceResponseSchema>;

export const PathsResponseSchema = z.object({ paths: z.array(GraphSchema) });
export type PathsResponse = z.infer<typeof PathsResponseSchema>;

/**
 * Answers any route can give before it runs, because of the request itself: a Host that is not the
 * server's (421), a write from another origin (403), a body, URL or header set over a limit (413, 414,
 * 431) or a body of a type the route does not read (415).
 */
export const REQUEST_ERROR_CODES = [
  'misdirected',
  'cross_origin',
  'payload_too_large',
  'uri_too_long',
  'headers_too_large',
  'unsupported_media_type',
] as const;
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'busy',
  'database_unavailable',
  'timeout',
  'internal',
  ...REQUEST_ERROR_CODES,
] as const;
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ---- explorer canvas (issue 3) ----

/** The most entity ids one "connect" request may name (a canvas beyond this asks first anyway). */
export const CONNECT_IDS_MAX = 1000;

export const RelationshipParamsSchema = z.object({ id: IdSchema });

/** A relationship with its two ends and every Source its `sourceIds` name. */
export const RelationshipResponseSchema = z.object({
  relationship: GraphEdgeSchema,
  nodes: z.array(GraphNodeSchema),
  sources: z.array(GraphNodeSchema),
});
export type RelationshipResponse = z.infer<typeof RelationshipResponseSchema>;

/** POST /api/graph/connect: the entities named and every relationship among them (no new entities). */
export const ConnectBodySchema = z.object({ ids: z.array(IdSchema).min(1).max(CONNECT_IDS_MAX) });
export type ConnectBody = z.infer<typeof ConnectBodySchema>;
export const ConnectResponseSchema = GraphSchema;
export type ConnectResponse = z.infer<typeof ConnectResponseSchema>;
