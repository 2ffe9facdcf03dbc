import { FULLTEXT_INDEXES } from '@explorer/model';

/**
 * Turns what a user typed into full-text queries. The user's text never reaches Lucene's parser
 * unescaped: every term is escaped, then combined with operators we choose.
 */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Han, kana and hangul characters: text the CJK index (bigrams) handles and the Latin one does not. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Lucene's English stop words, which the standard analyzers leave out of the index. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(
    ' ',
  ),
);

/** Edit distance allowed for a term: none for short ones (too many false hits), more for long ones. */
function fuzziness(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 6) return 1;
  return 2;
}

/**
 * Query for the Latin index: every word must match, exactly (boosted), as a prefix (so results come
 * while typing) or within a small edit distance (so "digitl" finds "Digital"). A lone CJK character
 * also goes here: the standard analyzer indexes Han text one character per term, while the CJK
 * index only holds pairs.
 */
export function latinQuery(text: string, options: { fuzzy: boolean } = { fuzzy: true }): string | null {
  const words = text
    .replace(CJK_RUN, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  // The indexes drop English stop words, so requiring one ("entities in Xinjiang") would match nothing.
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  const clauses = meaningful.map((word) => {
    const t = escapeLucene(word);
    const alternatives = [`${t}^4`, `${t}*^2`];
    const distance = options.fuzzy ? fuzziness(word) : 0;
    if (distance > 0) alternatives.push(`${t}~${distance}`);
    return `+(${alternatives.join(' OR ')})`;
  });
  for (const char of cjkRuns(text).filter((run) => run.length === 1)) clauses.push(`+"${escapeLucene(char)}"`);
  return clauses.length > 0 ? clauses.join(' ') : null;
}

function cjkRuns(text: string): string[] {
  return (text.match(CJK_RUN) ?? []).slice(0, 12);
}

/** Query for the CJK (bigram) index: each run of two or more such characters as a phrase. */
export function cjkQuery(text: string): string | null {
  const runs = cjkRuns(text).filter((run) => run.length > 1);
  if (runs.length === 0) return null;
  return runs.map((run) => `+"${escapeLucene(run)}"`).join(' ');
}

/** One full-text lookup of a search. `onlyIfFewer`: made only when the lookups before it found fewer than asked. */
export interface SearchLookup {
  index: string;
  query: string;
  onlyIfFewer: boolean;
}

/**
 * The lookups a search makes, in order: exact words and prefixes (Latin index), CJK pairs, then the
 * typo-tolerant Latin query only when those found too little. The fuzzy clauses cost the most at a
 * million entities (a word's edits match many terms), and a typo is what finds nothing exactly.
 */
export function searchLookups(text: string): SearchLookup[] {
  const lookups: SearchLookup[] = [];
  const latin = latinQuery(text, { fuzzy: false });
  const fuzzy = latinQuery(text);
  const cjk = hasCjk(text) ? cjkQuery(text) : null;
  if (latin) lookups.push({ index: FULLTEXT_INDEXES.latin, query: latin, onlyIfFewer: false });
  if (cjk) lookups.push({ index: FULLTEXT_INDEXES.cjk, query: cjk, onlyIfFewer: false });
  if (fuzzy && fuzzy !== latin) lookups.push({ index: FULLTEXT_INDEXES.latin, query: fuzzy, onlyIfFewer: true });
  return lookups;
}
