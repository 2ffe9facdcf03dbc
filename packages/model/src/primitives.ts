import { z } from 'zod';

/** Stable identifier of an entity, source or relationship: what URLs, seeds and imports refer to. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1–128 characters: letters, digits, . _ : -');
export type Id = z.infer<typeof IdSchema>;

/**
 * A date as precise as the source gives it: "2019", "2019-10" or "2019-10-09".
 * Kept as a string so that "early 2022" is not silently turned into "2022-01-01";
 * the ISO form still sorts and compares correctly as text.
 */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** ISO 3166-1 alpha-2 country code (e.g. US, CN, TW). */
export const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US or CN');

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or CNY');

/**
 * How sure the sources make us: high = stated in a verified source; medium = secondary sources only
 * (law-firm alerts, reprints, data files); low = weak or single low-quality source.
 */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCE_LEVELS);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const UrlSchema = z.url({ protocol: /^https?$/ });

/** Non-empty, trimmed, bounded free text. */
export const textSchema = (max: number) => z.string().trim().min(1).max(max);
