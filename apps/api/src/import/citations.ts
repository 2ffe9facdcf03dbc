/**
 * How many citations (`sourceIds`) and row references (`importedFrom`) an imported entity or
 * relationship collects from one file. A supplier named in 10,000 announcements would otherwise
 * cite 10,000 Sources, over the model's limit of 200 (and slow every plan). Each row's own evidence
 * is never lost: it is on that row's Procurement and its BUYER, SUPPLIER and ITEM relationships. The
 * file's own Source is cited first, so it is always kept.
 */
export const CITATIONS_PER_FILE_MAX = 50;

/** The model's limit on `sourceIds`; the database merges keep lists under it across files. */
export const CITATIONS_MAX = 200;

/** Adds to a list property what it lacks (citations and row references accumulate), up to the cap. */
export function union(
  target: Record<string, unknown>,
  key: string,
  values: readonly string[],
  max = CITATIONS_PER_FILE_MAX,
): void {
  const list = (target[key] as string[] | undefined) ?? [];
  for (const v of values) if (list.length < max && !list.includes(v)) list.push(v);
  target[key] = list;
}

/** An element planned by an earlier row gains this row's citations and, when given, its row reference. */
export function citeAgain(props: Record<string, unknown>, sourceIds: readonly string[], at?: string): void {
  union(props, 'sourceIds', sourceIds);
  if (at) union(props, 'importedFrom', [at]);
}
