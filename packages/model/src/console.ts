import { z } from 'zod';
import { REQUEST_ERROR_CODES } from './api.ts';
import { GraphSchema, JsonValueSchema } from './graph.ts';

/**
 * The analysts' Cypher console: its HTTP contract and the allowlist of procedures and
 * functions a console query may call. The database has its own, wider allowlist (the app's needs).
 */

/**
 * Procedures and namespaced functions a console query may call, each by its full name (no
 * namespace wildcards: a namespace gains functions with every APOC release). Only names whose memory
 * is bounded by their inputs or by the graph: Neo4j's transaction memory limit does not count what a
 * function allocates inside itself, and the JVM exits on OutOfMemoryError, so one call that builds a
 * huge value from a small argument stops the database for everyone.
 *
 * Left out on purpose (APOC core 5.26; names from SHOW FUNCTIONS / SHOW PROCEDURES):
 * - apoc.text.lpad, rpad, repeat, format, random: build a string whose length is a number argument
 *   (`lpad('', 1500000000, 'x')` killed the JVM in 0.6 s).
 * - apoc.text.join, replace, regreplace: multiply a list or a string by another string (n × m).
 * - apoc.text.regexGroups, regexGroupsByName, split, replace, regreplace: take a java.util.regex
 *   pattern the console's backtracking check (`=~` only) never sees.
 * - apoc.coll.combinations: binomially many lists (`combinations(range(1,40), 20)` killed it in 30 s);
 *   apoc.coll.fill, randomItems: a list as long as a number argument.
 * - apoc.map.fromNodes: every node of a label in one map value.
 * - apoc.convert.setJsonProperty, toTree, toNode…: writes, or nothing an analyst needs.
 * - apoc.load/export/periodic/cypher/create/refactor, dbms.*, db.create…: files, URLs, writes, admin.
 * - graph.byName, graph.byElementId: switch to another graph.
 */
export const CONSOLE_CALLABLE_ALLOWLIST: readonly string[] = [
  // Introspection
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.nameFromElementId',
  // Built-in namespaced functions: one value from a few
  ...['date', 'datetime', 'localdatetime', 'localtime', 'time'].flatMap((t) =>
    ['realtime', 'statement', 'transaction', 'truncate'].map((f) => `${t}.${f}`),
  ),
  'datetime.fromepoch',
  'datetime.fromepochmillis',
  'duration.between',
  'duration.inDays',
  'duration.inMonths',
  'duration.inSeconds',
  'point.distance',
  'point.withinBBox',
  'vector.similarity.cosine',
  'vector.similarity.euclidean',
  'apoc.version',
  // Paths: built from the paths given, or traversals bounded by the graph (and the time limit)
  ...['combine', 'create', 'elements', 'slice'].map((f) => `apoc.path.${f}`),
  ...['expand', 'expandConfig', 'spanningTree', 'subgraphAll', 'subgraphNodes'].map((f) => `apoc.path.${f}`),
  // Collections: results no larger than (a product of two of) the lists given
  ...[
    'avg',
    'contains',
    'containsAll',
    'containsAllSorted',
    'containsDuplicates',
    'containsSorted',
    'different',
    'disjunction',
    'dropDuplicateNeighbors',
    'duplicates',
    'duplicatesWithCount',
    'elements',
    'flatten',
    'frequencies',
    'frequenciesAsMap',
    'indexOf',
    'insert',
    'insertAll',
    'intersection',
    'isEqualCollection',
    'max',
    'min',
    'occurrences',
    'pairWithOffset',
    'pairs',
    'pairsMin',
    'partition',
    'randomItem',
    'remove',
    'removeAll',
    'runningTotal',
    'set',
    'shuffle',
    'sort',
    'sortMaps',
    'sortMulti',
    'sortNodes',
    'sortText',
    'split',
    'stdev',
    'subtract',
    'sum',
    'sumLongs',
    'toSet',
    'union',
    'unionAll',
    'zip',
    'zipToRows',
  ].map((f) => `apoc.coll.${f}`),
  // Maps: rearrange the maps and lists given
  ...[
    'clean',
    'flatten',
    'fromLists',
    'fromPairs',
    'fromValues',
    'get',
    'groupBy',
    'groupByMulti',
    'merge',
    'mergeList',
    'mget',
    'removeKey',
    'removeKeys',
    'setEntry',
    'setKey',
    'setLists',
    'setPairs',
    'setValues',
    'sortedProperties',
    'submap',
    'unflatten',
    'updateTree',
    'values',
  ].map((f) => `apoc.map.${f}`),
  // Text: one string (or number) no longer than a constant times the strings given
  ...[
    'base64Decode',
    'base64Encode',
    'base64UrlDecode',
    'base64UrlEncode',
    'byteCount',
    'bytes',
    'camelCase',
    'capitalize',
    'capitalizeAll',
    'charAt',
    'clean',
    'code',
    'compareCleaned',
    'decapitalize',
    'decapitalizeAll',
    'distance',
    'doubleMetaphone',
    'fuzzyMatch',
    'hammingDistance',
    'hexCharAt',
    'hexValue',
    'indexOf',
    'indexesOf',
    'jaroWinklerDistance',
    'levenshteinDistance',
    'levenshteinSimilarity',
    'phonetic',
    'phoneticDelta',
    'slug',
    'snakeCase',
    'sorensenDiceSimilarity',
    'swapCase',
    'toCypher',
    'toUpperCase',
    'upperCamelCase',
    'urldecode',
    'urlencode',
  ].map((f) => `apoc.text.${f}`),
  // Conversions
  ...[
    'toJson',
    'toSortedJsonMap',
    'fromJsonMap',
    'fromJsonList',
    'getJsonProperty',
    'getJsonPropertyMap',
    'toList',
    'toMap',
    'toSet',
  ].map((f) => `apoc.convert.${f}`),
];

/**
 * The APOC procedures and functions the database should load at all
 * (`dbms.security.procedures.allowlist`): the console's, plus what the app and its tests call
 * outside the console (the test checksum: apoc.coll.sort, apoc.convert.toJson,
 * apoc.map.sortedProperties). Built-in names are not
 * governed by that setting.
 */
export const DATABASE_CALLABLE_ALLOWLIST: readonly string[] = [
  ...new Set([
    ...CONSOLE_CALLABLE_ALLOWLIST.filter((name) => name.startsWith('apoc.')),
    'apoc.coll.sort',
    'apoc.convert.toJson',
    'apoc.map.sortedProperties',
  ]),
];

/** Whether a procedure or function name (case-insensitive, as Cypher resolves them) is allowed. */
export function isConsoleCallableAllowed(name: string): boolean {
  return ALLOWED.has(name.toLowerCase());
}
const ALLOWED = new Set(CONSOLE_CALLABLE_ALLOWLIST.map((name) => name.toLowerCase()));

export const CONSOLE_LIMITS = {
  queryMaxChars: 20_000,
  /** Nodes in the `graph` part of an answer; the rows still hold everything. */
  graphNodesMax: 2_000,
} as const;

export const ConsoleRequestSchema = z.object({
  query: z.string().trim().min(1, 'query must not be empty').max(CONSOLE_LIMITS.queryMaxChars),
  params: z.record(z.string(), JsonValueSchema).default({}),
});
export type ConsoleRequest = z.infer<typeof ConsoleRequestSchema>;

/** One operator of an EXPLAIN or PROFILE plan; `rows` and `dbHits` only for PROFILE. */
export interface PlanNode {
  operator: string;
  details: string;
  identifiers: string[];
  estimatedRows: number | null;
  rows: number | null;
  dbHits: number | null;
  children: PlanNode[];
}
export const PlanNodeSchema: z.ZodType<PlanNode> = z.lazy(() =>
  z.object({
    operator: z.string(),
    details: z.string(),
    identifiers: z.array(z.string()),
    estimatedRows: z.number().nullable(),
    rows: z.number().nullable(),
    dbHits: z.number().nullable(),
    children: z.array(PlanNodeSchema),
  }),
);

export const ConsoleNotificationSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  position: z.object({ offset: z.number(), line: z.number(), column: z.number() }).nullable(),
});

export const ConsoleSummarySchema = z.object({
  /** Neo4j's query type: always "r" for what the console runs. */
  queryType: z.string(),
  resultAvailableAfterMs: z.number(),
  resultConsumedAfterMs: z.number(),
  rowCount: z.number(),
  /** True when the row cap or the response-size cap cut the rows short. */
  truncated: z.boolean(),
  /** Which cap: "rows" or "bytes" (null when not truncated). */
  truncatedBy: z.enum(['rows', 'bytes']).nullable(),
  notifications: z.array(ConsoleNotificationSchema),
});
export type ConsoleSummary = z.infer<typeof ConsoleSummarySchema>;

export const ConsoleResponseSchema = z.object({
  columns: z.array(z.string()),
  /** One array per record, values in column order, as plain JSON (README: Console). */
  rows: z.array(z.array(JsonValueSchema)),
  /** Every node, relationship and path anywhere in the rows, as graph JSON. */
  graph: GraphSchema.extend({ truncated: z.boolean() }),
  /** The plan tree for EXPLAIN and PROFILE, else null. */
  plan: PlanNodeSchema.nullable(),
  summary: ConsoleSummarySchema,
});
export type ConsoleResponse = z.infer<typeof ConsoleResponseSchema>;

/** The console's error codes beyond the API's: refused (403), busy (429), Neo4j said no (400). */
export const CONSOLE_ERROR_CODES = [
  'bad_request',
  'forbidden',
  'too_many_requests',
  /** The whole API is at its limit of requests at once (503). */
  'busy',
  'cypher_error',
  'timeout',
  'database_unavailable',
  'internal',
  ...REQUEST_ERROR_CODES,
] as const;
export const ConsoleErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(CONSOLE_ERROR_CODES),
    message: z.string(),
    details: z
      .object({
        neo4jCode: z.string().optional(),
        position: z.object({ offset: z.number(), line: z.number(), column: z.number() }).nullable().optional(),
      })
      .loose()
      .optional(),
  }),
});
export type ConsoleErrorBody = z.infer<typeof ConsoleErrorBodySchema>;

/**
 * The console's library of example queries: the mission's questions, each tested
 * (apps/api/test/console/examples.test.ts) to return at least the rows it promises on the shipped
 * datasets. `dataset` says where the answer comes from: report-2022 (real, cited) or demo (fictional).
 */
export interface ConsoleExample {
  id: string;
  title: string;
  query: string;
  params?: Record<string, string | number>;
  dataset: 'report-2022' | 'demo';
  /** Rows (by column) the answer must contain. */
  promises: Array<Record<string, string | null>>;
}

export const CONSOLE_EXAMPLES: readonly ConsoleExample[] = [
  {
    id: 'us-suppliers-of-listed-companies',
    title: 'US companies reported to have supplied an Entity-Listed company',
    dataset: 'report-2022',
    query: `MATCH (m:Company {country: 'US'})-[:SUPPLIED]->(buyer)-[l:LISTED_ON]->(list:ControlList {id: $list})
RETURN m.name AS supplier, buyer.name AS buyer, l.from AS listedOn
ORDER BY supplier`,
    params: { list: 'bis-entity-list' },
    promises: [
      { supplier: 'Intel', buyer: 'NetPosa Technologies', listedOn: '2020-06-05' },
      { supplier: 'Seagate Technology Holdings', buyer: 'Hangzhou Hikvision Digital Technology Co., Ltd.' },
      { supplier: 'Western Digital Corporation', buyer: 'Hangzhou Hikvision Digital Technology Co., Ltd.' },
    ],
  },
  {
    id: 'data-storage-buyers-by-year',
    title: 'Public-security buyers of data-storage products, by year',
    dataset: 'report-2022',
    query: `MATCH (p:Procurement)-[:ITEM]->(:Product)-[:IN_CATEGORY]->(:TechnologyCategory {area: 'data-storage'})
MATCH (p)-[:BUYER]->(buyer:PublicSecurityBody)
WITH buyer, p, left(coalesce(p.date, p.periodStart, p.periodEnd), 4) AS year
RETURN year, buyer.name AS buyer, collect(DISTINCT p.name) AS procurements, p.synthetic AS synthetic
ORDER BY year, buyer`,
    promises: [
      { year: '2022', buyer: 'Public security entities in Xinjiang (unnamed in the source)' },
      { year: null, buyer: 'Prisons of the Xinjiang Production and Construction Corps (unnamed in the source)' },
    ],
  },
  {
    id: 'us-targets-acquired-by-chinese-firms',
    title: 'US firms acquired by, or sold to, Chinese companies',
    dataset: 'report-2022',
    query: `MATCH (buyer:Company {country: 'CN'})-[r:ACQUIRED]->(target:Company {country: 'US'})
RETURN buyer.name AS buyer, target.name AS target, r.from AS date, r.status AS status
ORDER BY date`,
    promises: [
      { buyer: 'Shenzhen Longsys Electronics Co., Ltd', target: 'Lexar' },
      { buyer: 'Will Semiconductor Co., Ltd. Shanghai', target: 'OmniVision Technologies' },
    ],
  },
  {
    id: 'us-manufacturers-to-listed-buyers-via-intermediary',
    title: 'US manufacturers whose products reached a listed buyer through at least one intermediary',
    dataset: 'demo',
    query: `MATCH (m:Company {country: 'US'})-[:MANUFACTURES]->(:Product)<-[:ITEM]-(p:Procurement)-[:SUPPLIER]->(via:Company)
MATCH (p)-[:BUYER]->(buyer)-[:PART_OF*0..2]->(listed)-[:LISTED_ON]->(list:ControlList)
WHERE via <> m
RETURN DISTINCT m.name AS manufacturer, via.name AS intermediary, buyer.name AS buyer, list.name AS list
ORDER BY manufacturer, buyer`,
    promises: [
      {
        manufacturer: 'Example Disk Drives Inc. (fictional)',
        intermediary: 'Example Star Trading Co., Ltd. (fictional)',
        buyer: 'Millwick County Public Security Bureau (fictional)',
      },
    ],
  },
  {
    id: 'distributors-of-two-us-manufacturers',
    title: 'Distributors serving two or more US manufacturers',
    dataset: 'demo',
    query: `MATCH (d:Company)-[:DISTRIBUTES_FOR]->(m:Company {country: 'US'})
WITH d, collect(DISTINCT m.name) AS manufacturers
WHERE size(manufacturers) >= 2
RETURN d.name AS distributor, manufacturers
ORDER BY distributor`,
    promises: [{ distributor: 'Example Star Trading Co., Ltd. (fictional)' }],
  },
  {
    id: 'paths-from-western-digital',
    title: 'How Western Digital is linked to Entity-Listed parties (paths, for the graph view)',
    dataset: 'report-2022',
    query: `MATCH p = (wd:Company {id: 'western-digital'})-[:SUPPLIED|ACQUIRED|SUBSIDIARY_OF]-{1,2}(x)-[:LISTED_ON]->(:ControlList)
RETURN p LIMIT 25`,
    promises: [],
  },
];
