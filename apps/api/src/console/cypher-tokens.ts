import { decodeUnicodeEscapes } from './unicode-escapes.ts';

/**
 * Cypher's lexer as far as the console's gate needs it, matched to Neo4j 5.26 with EXPLAIN: a
 * `//` comment ends at LF or CR only (not at U+2028, U+2029, U+0085 or a form feed); block comments
 * do not nest; strings end at the first quote not escaped by a backslash; in backquoted names a
 * doubled backquote is one. Any character that is neither whitespace nor ASCII punctuation counts
 * as part of a word: Neo4j takes control and zero-width characters into identifiers without
 * ignoring them, so a word the gate sees is never shorter than Neo4j's.
 */

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'other';
  /** Words and operators as written; a backquoted name without its quotes; a string's value. */
  text: string;
  /** Offsets in the raw query (before unicode escapes were decoded). */
  start: number;
  end: number;
}

/** Neo4j's whitespace: JavaScript's \s without U+FEFF (an identifier part there), plus U+001C–U+001F. */
// eslint-disable-next-line no-control-regex -- U+001C–U+001F are whitespace to Neo4j
const WHITESPACE = /[\t\n\v\f\r \u001c-\u001f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const PUNCTUATION = /[!-/:-@[-^`{-~]/;
const isWordChar = (c: string) => !WHITESPACE.test(c) && !PUNCTUATION.test(c);
// `_` is ASCII punctuation by range, but a letter to Cypher.
const isWordStart = (c: string) => c === '_' || isWordChar(c);

/** The value of a Cypher string literal's body: backslash escapes as Neo4j reads them. */
function unescapeString(body: string): string {
  const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  return body.replace(/\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|[\s\S])/g, (whole, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (e in simple) return simple[e] ?? e;
    return e === '\\' || e === "'" || e === '"' ? e : whole;
  });
}

export function tokenize(raw: string): Token[] {
  const { text: q, rawOffsets } = decodeUnicodeEscapes(raw);
  const tokens: Token[] = [];
  const push = (kind: Token['kind'], text: string, from: number, to: number) =>
    tokens.push({ kind, text, start: rawOffsets[from] ?? raw.length, end: rawOffsets[to] ?? raw.length });
  let i = 0;
  while (i < q.length) {
    const c = q[i] ?? '';
    const next = q[i + 1] ?? '';
    if (WHITESPACE.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < q.length && q[i] !== '\n' && q[i] !== '\r') i++;
    } else if (c === '/' && next === '*') {
      const close = q.indexOf('*/', i + 2);
      i = close < 0 ? q.length : close + 2;
    } else if (c === "'" || c === '"') {
      const start = i++;
      while (i < q.length && q[i] !== c) i += q[i] === '\\' ? 2 : 1;
      push('string', unescapeString(q.slice(start + 1, Math.min(i, q.length))), start, ++i);
    } else if (c === '`') {
      const start = i++;
      let name = '';
      while (i < q.length) {
        if (q[i] === '`' && q[i + 1] === '`') {
          name += '`';
          i += 2;
        } else if (q[i] === '`') {
          break;
        } else {
          name += q[i++];
        }
      }
      push('quoted', name, start, ++i);
    } else if (isWordStart(c)) {
      const start = i;
      while (i < q.length && (q[i] === '_' || isWordChar(q[i] ?? ''))) i++;
      push('word', q.slice(start, i), start, i);
    } else if (c === '=' && next === '~') {
      push('other', '=~', i, (i += 2));
    } else {
      push('other', c, i, ++i);
    }
  }
  return tokens;
}

export const isName = (t: Token | undefined): t is Token =>
  t !== undefined && (t.kind === 'word' || t.kind === 'quoted');
