import { z } from 'zod';
import { EntityKindSchema } from './entities.ts';
import { PROCUREMENT_COLUMNS } from './import.ts';
import { RelationshipTypeSchema } from './relationships.ts';

/**
 * The HTTP contract of imports (issue 6), shared by the api's routes, the CLI and the web import
 * page. A file travels as the raw request body; everything else is in the query string, so one
 * request carries a file of any size without multipart parsing.
 */

export const IMPORT_LIMITS = {
  /** Request body: a 100,000-row procurement file is about 20 MB as CSV, more as XLSX. */
  maxFileBytes: 64 * 1024 * 1024,
  fileNameMaxChars: 255,
  importedByMaxChars: 100,
  mappingNameMaxChars: 80,
  /** Rows shown as parsed in a preview. */
  previewRows: 20,
  /** Names of a file that attach to entities already in the graph, listed in a report (the rest counted). */
  matchesShown: 200,
} as const;

/** What a file holds: procurement rows (delimited or a spreadsheet), model records, or FollowTheMoney entities. */
export const IMPORT_FILE_FORMATS = ['csv', 'tsv', 'xlsx', 'jsonl', 'ftm'] as const;
export const ImportFileFormatSchema = z.enum(IMPORT_FILE_FORMATS);
export type ImportFileFormat = z.infer<typeof ImportFileFormatSchema>;

export const ProcurementColumnSchema = z.enum(PROCUREMENT_COLUMNS);

/**
 * Which template column each header of the file feeds, by header as written in the file; `null`
 * ignores that column. Headers not named here are read by their own name or alias.
 */
export const ColumnMappingSchema = z.record(
  z.string().max(200, 'a header must be at most 200 characters'),
  ProcurementColumnSchema.nullable(),
  'columns must be a JSON object of header → template column (or null to ignore it)',
);
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const MappingNameSchema = z
  .string('mapping must be text')
  .trim()
  .min(1, 'mapping must not be empty')
  .max(IMPORT_LIMITS.mappingNameMaxChars, `mapping must be at most ${IMPORT_LIMITS.mappingNameMaxChars} characters`)
  .regex(/^[\p{L}\p{N} ._-]+$/u, 'mapping may hold letters, digits, spaces, dots, dashes and underscores');

const booleanFlag = (field: string) =>
  z
    .enum(['true', 'false'], `${field} must be true or false`)
    .default('false')
    .transform((v) => v === 'true');

/** Query string of POST /api/import/preview and POST /api/import. */
export const ImportQuerySchema = z.object({
  fileName: z
    .string('fileName is required')
    .trim()
    .min(1, 'fileName must not be empty')
    .max(IMPORT_LIMITS.fileNameMaxChars, `fileName must be at most ${IMPORT_LIMITS.fileNameMaxChars} characters`),
  /** A saved mapping to apply (GET /api/import/mappings). */
  mapping: MappingNameSchema.optional(),
  /** A mapping given inline, as JSON text; applied over a saved `mapping`. */
  columns: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'columns must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(ColumnMappingSchema)
    .optional(),
  dryRun: booleanFlag('dryRun'),
  /** Import the valid rows and report the others, instead of refusing the whole file. Never half a row. */
  validRowsOnly: booleanFlag('validRowsOnly'),
  /** Who is importing: recorded on the Import. */
  importedBy: z
    .string('importedBy must be text')
    .trim()
    .min(1, 'importedBy must not be empty')
    .max(IMPORT_LIMITS.importedByMaxChars)
    .optional(),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

/** Where and why a file is refused (error) or partly ignored (warning). Lines count from 1. */
export const ImportProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  line: z.number().int().min(1),
  /** The column's header as written in the file, when the problem is in one cell or column. */
  column: z.string().optional(),
  /** The template field (or record field) concerned. */
  field: z.string().optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** POST /api/import/preview: the file as it will be read, before anything touches the database. */
export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  format: ImportFileFormatSchema,
  /** Text files only. */
  encoding: z.string().nullable(),
  /** Procurement files: every header and the template column it feeds (null: ignored). */
  headers: z.array(z.object({ header: z.string(), column: ProcurementColumnSchema.nullable() })),
  /** Rows (procurement) or records (jsonl, ftm) in the file. */
  rowCount: z.number().int(),
  /** The first rows as parsed: each template column's value as text, and the row's problems. */
  sample: z.array(
    z.object({
      line: z.number().int(),
      values: z.record(z.string(), z.string()),
      problems: z.array(ImportProblemSchema),
    }),
  ),
  problems: z.array(ImportProblemSchema),
  /** When this exact file (same SHA-256) was imported before. */
  previousImport: z.object({ importedAt: z.string(), importedBy: z.string().nullable() }).nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

const countsByKind = z.partialRecord(EntityKindSchema, z.number().int());
const countsByType = z.partialRecord(RelationshipTypeSchema, z.number().int());

export const ImportCountsSchema = z.object({
  rows: z.number().int(),
  /** Rows left out because they had errors (validRowsOnly). */
  rowsSkipped: z.number().int(),
  entitiesCreated: countsByKind,
  entitiesMatched: countsByKind,
  relationshipsCreated: countsByType,
  relationshipsMatched: countsByType,
  /** Uncertain matches held for review instead of merged. */
  candidates: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

/**
 * A name in the file that attaches to an entity already in the graph: what a reader checks before
 * importing, since such a name adds facts to that entity. One per field and name, at its first line.
 */
export const ImportMatchSchema = z.object({
  line: z.number().int(),
  /** The template column (procurement files) or the FtM property that names it. */
  field: z.string(),
  /** As the file writes it. */
  name: z.string(),
  entity: z.object({ id: z.string(), kind: EntityKindSchema, name: z.string() }),
  /** The same registry id, or the same name once normalised (case, width, script, legal suffix). */
  by: z.enum(['registry-id', 'name']),
});
export type ImportMatch = z.infer<typeof ImportMatchSchema>;

export const ImportResultSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  format: ImportFileFormatSchema,
  /** Text files only: utf-8, utf-8-bom or gb18030. */
  encoding: z.string().nullable(),
  dryRun: z.boolean(),
  /** False when this exact file was imported before: then nothing changed. */
  firstImport: z.boolean(),
  importedBy: z.string().nullable(),
  counts: ImportCountsSchema,
  /** Warnings, and with validRowsOnly the errors of the rows left out. */
  problems: z.array(ImportProblemSchema),
  /** The first IMPORT_LIMITS.matchesShown names that attach to existing entities, in file order. */
  matches: z.array(ImportMatchSchema),
  /** How many there are in all. */
  matchesTotal: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const IMPORT_PHASES = ['read', 'resolve', 'write'] as const;

/**
 * POST /api/import answers with newline-delimited JSON: progress events, then exactly one
 * `result`, `refused` (every problem of the file; nothing was written) or `failed` (the server
 * could not finish, e.g. the database went away; nothing was written).
 */
export const ImportEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: z.enum(IMPORT_PHASES),
    done: z.number().int(),
    total: z.number().int(),
  }),
  z.object({ type: z.literal('result'), result: ImportResultSchema }),
  z.object({ type: z.literal('refused'), problems: z.array(ImportProblemSchema) }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type ImportEvent = z.infer<typeof ImportEventSchema>;

/** A saved column mapping (PUT /api/import/mappings/:name with `{ columns }`). */
export const ImportMappingSchema = z.object({
  name: MappingNameSchema,
  columns: ColumnMappingSchema,
  updatedAt: z.iso.datetime(),
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export const SaveImportMappingRequestSchema = z.object({ columns: ColumnMappingSchema });
export const ImportMappingListResponseSchema = z.object({ mappings: z.array(ImportMappingSchema) });

/** GET /api/imports: the record of each import, newest first. */
export const ImportRecordSchema = z.object({
  sha256: z.string(),
  fileName: z.string(),
  format: z.string(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  rows: z.number().int(),
  rowsSkipped: z.number().int(),
  entitiesCreated: z.number().int(),
  relationshipsCreated: z.number().int(),
  candidates: z.number().int(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
export const ImportListResponseSchema = z.object({ imports: z.array(ImportRecordSchema) });
