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
  let list = target[key] as string[] | null | undefined;
  if (list == null) target[key] = list = [];
  // A hub's list is full after its first rows: skip the look-ups for every later row.
  for (let i = 0; i < values.length && list.length < max; i++) {
    const v = values[i] as string;
    if (!list.includes(v)) list.push(v);
  }
}

/** An element planned by an earlier row gains this row's citations and, when given, its row reference. */
export function citeAgain(props: Record<string, unknown>, sourceIds: readonly string[], at?: string): void {
  union(props, 'sourceIds', sourceIds);
  if (at) union(props, 'importedFrom', [at]);
}
