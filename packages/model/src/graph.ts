import { z } from 'zod';
import { EntityKindSchema } from './entities.ts';
import { RelationshipTypeSchema } from './relationships.ts';

/** Any JSON value: what node and edge properties become on the wire. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/** An entity's presence on a control list (BIS Entity List, OFAC SDN list), with its citation. */
export const ListingSchema = z.object({
  listId: z.string(),
  listName: z.string(),
  /** The listing date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z.string().nullable(),
  citation: z.string().nullable(),
  sourceIds: z.array(z.string()),
});
export type Listing = z.infer<typeof ListingSchema>;

/** What a user must see at a glance on every node, wherever it appears. */
export const FlagsSchema = z.object({
  synthetic: z.boolean(),
  group: z.boolean(),
  listings: z.array(ListingSchema),
});
export type Flags = z.infer<typeof FlagsSchema>;

export const GraphNodeSchema = z.object({
  id: z.string(),
  kind: EntityKindSchema,
  name: z.string(),
  properties: z.record(z.string(), JsonValueSchema),
  flags: FlagsSchema,
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z.object({
  id: z.string(),
  type: RelationshipTypeSchema,
  /** Id of the start entity. */
  source: z.string(),
  /** Id of the end entity. */
  target: z.string(),
  properties: z.record(z.string(), JsonValueSchema),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** The graph JSON every graph route answers with. */
export const GraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
});
export type Graph = z.infer<typeof GraphSchema>;
