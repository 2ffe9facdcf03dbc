import { isConsoleCallableAllowed } from '@explorer/model';
import { ConsoleError } from './errors.ts';

/**
 * The first, purely lexical layer: refuses clauses the console never runs and names of procedures
 * and functions off the model's allowlist, before anything reaches Neo4j. Comments and string
 * literals are skipped; backquoted names count as names (so `apoc`.`load`.json is still seen).
 */

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'other';
  text: string;
  start: number;
  end: number;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] ?? '';
    const next = query[i + 1] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const close = query.indexOf('*/', i + 2);
      i = close < 0 ? query.length : close + 2;
    } else if (c === "'" || c === '"') {
      const start = i++;
      while (i < query.length && query[i] !== c) i += query[i] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: query.slice(start, i + 1), start, end: ++i });
    } else if (c === '`') {
      const start = i++;
      let text = '';
      while (i < query.length) {
        if (query[i] === '`' && query[i + 1] === '`') {
          text += '`';
          i += 2;
        } else if (query[i] === '`') {
          break;
        } else {
          text += query[i++];
        }
      }
      tokens.push({ kind: 'quoted', text, start, end: ++i });
    } else if (/[\p{L}_]/u.test(c)) {
      const start = i;
      while (i < query.length && /[\p{L}\p{N}_]/u.test(query[i] ?? '')) i++;
      tokens.push({ kind: 'word', text: query.slice(start, i), start, end: i });
    } else {
      tokens.push({ kind: 'other', text: c, start: i, end: ++i });
    }
  }
  return tokens;
}

/** Keywords that start a clause or command the console never runs, with the reason it says. */
const REFUSED_KEYWORDS: Record<string, string> = {
  CREATE: 'writes or administers the database',
  MERGE: 'writes to the database',
  SET: 'writes to the database',
  DELETE: 'writes to the database',
  DETACH: 'writes to the database',
  REMOVE: 'writes to the database',
  FOREACH: 'exists only to write',
  INSERT: 'writes to the database',
  DROP: 'administers the database',
  ALTER: 'administers the database',
  RENAME: 'administers the database',
  GRANT: 'administers users',
  DENY: 'administers users',
  REVOKE: 'administers users',
  LOAD: 'reads files or URLs through the database',
  USE: 'switches to another database',
  SHOW: "shows the server's state, such as other users' queries",
  TERMINATE: "stops other users' queries",
  TRANSACTIONS: 'runs in separate transactions (CALL … IN TRANSACTIONS)',
  CYPHER: 'sets query options',
  EXPLAIN: 'is allowed only at the start of the query',
  PROFILE: 'is allowed only at the start of the query',
};

const isWord = (t: Token | undefined): t is Token => t !== undefined && (t.kind === 'word' || t.kind === 'quoted');

/** A dotted name starting at token i (words or quoted names joined by "."), and the index after it. */
function dottedName(tokens: Token[], i: number): { name: string; parts: number; next: number } {
  const parts = [tokens[i]?.text ?? ''];
  let j = i + 1;
  while (tokens[j]?.text === '.' && isWord(tokens[j + 1])) {
    parts.push(tokens[j + 1]?.text ?? '');
    j += 2;
  }
  return { name: parts.join('.'), parts: parts.length, next: j };
}

export type ConsoleMode = 'run' | 'explain' | 'profile';

/**
 * Checks the query; throws a 403 ConsoleError saying why it is refused. Returns whether the
 * analyst asked for EXPLAIN or PROFILE, and the query without that prefix (for classification).
 */
export function lexicalGate(query: string): { mode: ConsoleMode; body: string } {
  const tokens = tokenize(query);
  const first = tokens[0];
  const lead = first?.kind === 'word' ? first.text.toUpperCase() : '';
  const mode: ConsoleMode = lead === 'EXPLAIN' ? 'explain' : lead === 'PROFILE' ? 'profile' : 'run';
  const from = mode === 'run' ? 0 : 1;

  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.kind !== 'word') continue;
    const before = tokens[i - 1]?.text;
    const after = tokens[i + 1]?.text;
    // Property keys (n.set), labels and types (:Set), parameters ($set) and map keys ({set: 1}) are names.
    if (before === '.' || before === ':' || before === '$' || after === ':') continue;
    const reason = REFUSED_KEYWORDS[token.text.toUpperCase()];
    if (reason) throw ConsoleError.refused(`${token.text.toUpperCase()} ${reason}; the console only reads.`);
  }

  for (let i = from; i < tokens.length; i++) {
    if (!isWord(tokens[i]) || tokens[i - 1]?.text === '.') continue;
    const { name, parts, next } = dottedName(tokens, i);
    const called = tokens[next]?.text === '(' || tokens[i - 1]?.text.toUpperCase() === 'CALL';
    if (called && parts > 1 && !isConsoleCallableAllowed(name)) {
      throw ConsoleError.refused(`${name} is not on the console's list of allowed procedures and functions.`);
    }
    i = next - 1;
  }
  return { mode, body: first && mode !== 'run' ? query.slice(first.end) : query };
}
