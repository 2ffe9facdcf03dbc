import { z } from 'zod';
import { ERROR_CODES, RelationshipCountSchema } from './api.ts';
import { EntityKindSchema } from './entities.ts';
import { IdSchema } from './primitives.ts';

/**
 * Entity resolution (issue 6): registry identifiers, candidate matches held for review, merges and
 * their undo. Candidates and merges are not part of the ontology: the database holds them under their
 * own labels (MatchCandidate, Merge), never Entity.
 */

// ---- registry identifiers ----

/** The characters of a Chinese Unified Social Credit Code (GB 32100-2015): digits and 21 capitals. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character a Unified Social Credit Code must end with, from its first 17 (GB 32100-2015). */
export function usccCheckCharacter(code: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code[i] ?? '0') * (3 ** i % 31);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '0';
}

/**
 * A registry identifier as stored ("SCHEME:value"), from what a person typed: `USCC:91330000733796106P`,
 * a bare 18-character Unified Social Credit Code, `EIN:12-3456789` or a bare `12-3456789`,
 * `CIK:354908` (zero-padded to 10 digits), or any other `SCHEME:value`. Returns an error message
 * instead when it is none of these, or a USCC whose check character is wrong.
 */
export function parseRegistryId(raw: string): { id: string } | { error: string } {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  const prefixed = /^([A-Za-z][A-Za-z0-9]*):(\S+)$/.exec(text);
  let scheme = prefixed?.[1]?.toUpperCase();
  let value = prefixed?.[2] ?? text;
  if (!scheme) {
    if (USCC_PATTERN.test(value.toUpperCase())) scheme = 'USCC';
    else if (/^\d{2}-\d{7}$/.test(value)) scheme = 'EIN';
    else
      return {
        error: `must be SCHEME:value (USCC:…, EIN:…, CIK:…) or an 18-character Unified Social Credit Code (got "${raw}")`,
      };
  }
  if (scheme === 'USCC') {
    value = value.toUpperCase();
    if (!USCC_PATTERN.test(value)) return { error: `"${raw}" is not a Unified Social Credit Code (18 characters)` };
    const check = usccCheckCharacter(value);
    if (value[17] !== check) {
      return { error: `"${raw}" is not a valid Unified Social Credit Code (its check character should be ${check})` };
    }
  } else if (scheme === 'EIN') {
    const digits = value.replace(/-/g, '');
    if (!/^\d{9}$/.test(digits)) return { error: `"${raw}" is not an EIN (9 digits, 12-3456789)` };
    value = `${digits.slice(0, 2)}-${digits.slice(2)}`;
  } else if (scheme === 'CIK') {
    if (!/^\d{1,10}$/.test(value)) return { error: `"${raw}" is not a CIK (up to 10 digits)` };
    value = value.padStart(10, '0');
  }
  return { id: `${scheme}:${value}` };
}

/** A registry-identifier cell of an import: normalised by parseRegistryId, refused with its reason. */
export const RegistryIdCellSchema = z.string().transform((raw, ctx) => {
  const parsed = parseRegistryId(raw);
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.id;
});

/** The scheme of "SCHEME:value". */
export const registryScheme = (id: string): string => id.slice(0, Math.max(0, id.indexOf(':')));

// ---- candidates ----

/**
 * Why two entities may be one: names equal only after folding traditional to simplified characters,
 * a Chinese name whose pinyin is a Latin name of the other, one name containing the other, or a
 * small edit distance between two long Latin names.
 */
export const MATCH_REASONS = [
  'traditional-simplified',
  'pinyin',
  'contains',
  'edit-distance',
  // Certain matches under another id: records files name their entities by id, so these are held too.
  'same-name',
  'same-registry-id',
] as const;
export const MatchReasonSchema = z.enum(MATCH_REASONS);
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const MATCH_REASON_LABELS: Readonly<Record<MatchReason, string>> = {
  'traditional-simplified': 'same name in simplified and traditional characters',
  pinyin: 'the pinyin of a Chinese name equals a Latin name',
  contains: 'one name contains the other',
  'edit-distance': 'names differ by a letter or two',
  'same-name': 'the same name (once normalised) under another id',
  'same-registry-id': 'the same registry identifier under another id',
};

export const CANDIDATE_STATUSES = ['open', 'merged', 'kept-apart'] as const;
export const CandidateStatusSchema = z.enum(CANDIDATE_STATUSES);
export type CandidateStatus = z.infer<typeof CandidateStatusSchema>;

export const RESOLUTION_LIMITS = {
  byMaxChars: 100,
  listDefault: 50,
  listMax: 200,
} as const;

export const CandidateIdSchema = z
  .string()
  .regex(/^cand-[0-9a-f]{16}$/, 'must be a candidate id (cand- and 16 hex digits)');
export const MergeIdSchema = z.uuid('must be a merge id (a UUID)');

export const CandidateParamsSchema = z.object({ id: CandidateIdSchema });
export const MergeParamsSchema = z.object({ id: MergeIdSchema });

const byField = z
  .string('by must be text: the name of who decides')
  .trim()
  .min(1, 'by must not be empty: say who decides')
  .max(RESOLUTION_LIMITS.byMaxChars, `by must be at most ${RESOLUTION_LIMITS.byMaxChars} characters`);

/** GET /api/candidates */
export const CandidateListQuerySchema = z.object({
  status: CandidateStatusSchema.default('open'),
  limit: z.coerce.number().int().min(1).max(RESOLUTION_LIMITS.listMax).default(RESOLUTION_LIMITS.listDefault),
});
export type CandidateListQuery = z.infer<typeof CandidateListQuerySchema>;

/** POST /api/candidates/:id/merge: which of the two entities stays (the other is merged into it). */
export const MergeRequestSchema = z.object({ keep: IdSchema, by: byField });
export type MergeRequest = z.infer<typeof MergeRequestSchema>;

/** POST /api/candidates/:id/keep-apart and POST /api/merges/:id/undo */
export const DecisionRequestSchema = z.object({ by: byField });
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>;

/** GET /api/merges */
export const MergeListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(RESOLUTION_LIMITS.listMax).default(20),
});

/** A Source an entity or its relationships cite, with its link. */
export const CitedSourceSchema = z.object({ id: z.string(), name: z.string(), url: z.string().nullable() });

/** One side of a candidate pair, with the evidence a reviewer weighs. Null fields: no longer an entity. */
export const CandidateSideSchema = z.object({
  id: z.string(),
  /** False when the entity has since been merged into another or deleted. */
  present: z.boolean(),
  kind: EntityKindSchema.nullable(),
  name: z.string().nullable(),
  aliases: z.array(z.string()),
  registryIds: z.array(z.string()),
  country: z.string().nullable(),
  /** The entity's own sourceIds. */
  sourceIds: z.array(z.string()),
  /** Every Source cited by the entity or its relationships. */
  sources: z.array(CitedSourceSchema),
  relationshipCounts: z.array(RelationshipCountSchema),
  synthetic: z.boolean(),
});
export type CandidateSide = z.infer<typeof CandidateSideSchema>;

export const MatchCandidateSchema = z.object({
  id: CandidateIdSchema,
  status: CandidateStatusSchema,
  reason: MatchReasonSchema,
  /** 0–1: how alike the names are. */
  score: z.number(),
  /** The existing entity, and the name of it that matched. */
  left: CandidateSideSchema,
  leftName: z.string(),
  /** The entity the import created, and the name it was given. */
  right: CandidateSideSchema,
  rightName: z.string(),
  /** Where it was raised: the import's file, its SHA-256, the line and field. */
  raisedBy: z.object({
    fileName: z.string().nullable(),
    sha256: z.string().nullable(),
    line: z.number().int().nullable(),
    field: z.string().nullable(),
  }),
  createdAt: z.string(),
  createdBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** The merge that settled it (status merged). */
  mergeId: z.string().nullable(),
});
export type MatchCandidate = z.infer<typeof MatchCandidateSchema>;

export const CandidateListResponseSchema = z.object({ candidates: z.array(MatchCandidateSchema) });
export type CandidateListResponse = z.infer<typeof CandidateListResponseSchema>;

export const MERGE_STATUSES = ['done', 'undone'] as const;

/** A merge: who merged which entity into which, when, and whether it was undone. */
export const MergeRecordSchema = z.object({
  id: MergeIdSchema,
  candidateId: z.string().nullable(),
  status: z.enum(MERGE_STATUSES),
  keptId: z.string(),
  keptName: z.string(),
  mergedId: z.string(),
  mergedName: z.string(),
  mergedKind: EntityKindSchema,
  /** Relationships moved from the merged entity to the kept one. */
  relationshipsMoved: z.number().int(),
  /** Names, registry ids and sources the kept entity gained. */
  aliasesAdded: z.array(z.string()),
  registryIdsAdded: z.array(z.string()),
  sourceIdsAdded: z.array(z.string()),
  mergedAt: z.string(),
  mergedBy: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

export const MergeListResponseSchema = z.object({ merges: z.array(MergeRecordSchema) });
export type MergeListResponse = z.infer<typeof MergeListResponseSchema>;

/** POST /api/candidates/:id/merge, POST /api/merges/:id/undo */
export const MergeResponseSchema = z.object({ merge: MergeRecordSchema, candidate: MatchCandidateSchema.nullable() });
export type MergeResponse = z.infer<typeof MergeResponseSchema>;

/** POST /api/candidates/:id/keep-apart */
export const CandidateResponseSchema = z.object({ candidate: MatchCandidateSchema });

/** The API's error codes plus 409: the candidate or merge is not in a state that allows it. */
export const RESOLUTION_ERROR_CODES = [...ERROR_CODES, 'conflict'] as const;
export const ResolutionErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(RESOLUTION_ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ResolutionErrorBody = z.infer<typeof ResolutionErrorBodySchema>;
