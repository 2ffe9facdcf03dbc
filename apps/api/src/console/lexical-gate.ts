import { isConsoleCallableAllowed } from '@explorer/model';
import { isName, tokenize, type Token } from './cypher-tokens.ts';
import { ConsoleError } from './errors.ts';
import { regexOperands, type RegexOperand } from './regex-operands.ts';
import { checkRange } from './range-check.ts';

/**
 * The first, purely lexical layer: refuses clauses the console never runs, names of procedures and
 * functions off the model's allowlist, range() calls that would build a huge list, and finds the
 * patterns of `=~` (checked by checkRegexes), before anything reaches Neo4j. It lexes as Neo4j does
 * (cypher-tokens.ts), so no comment, escape or quoting hides a name from it that Neo4j would see.
 */

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

/** Keywords are found in each letter-and-digit piece of a word: Neo4j may end a word where the gate does not. */
const keywordPieces = (word: string) => word.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);

/** The dotted name ending at token i (names joined by "."), and its first token's index. */
function nameEndingAt(tokens: Token[], i: number): { name: string; parts: number; first: number } {
  const parts = [tokens[i]?.text ?? ''];
  let j = i;
  while (tokens[j - 1]?.text === '.' && isName(tokens[j - 2])) {
    parts.unshift(tokens[j - 2]?.text ?? '');
    j -= 2;
  }
  return { name: parts.join('.'), parts: parts.length, first: j };
}

/** The dotted name starting at token i, and the index after it. */
function nameStartingAt(tokens: Token[], i: number): { name: string; parts: number; next: number } {
  const parts = [tokens[i]?.text ?? ''];
  let j = i + 1;
  while (tokens[j]?.text === '.' && isName(tokens[j + 1])) {
    parts.push(tokens[j + 1]?.text ?? '');
    j += 2;
  }
  return { name: parts.join('.'), parts: parts.length, next: j };
}

const refuseCallable = (name: string) =>
  ConsoleError.refused(`${name} is not on the console's list of allowed procedures and functions.`);

export type ConsoleMode = 'run' | 'explain' | 'profile';

/**
 * Checks the query; throws a 403 ConsoleError saying why it is refused. Returns whether the
 * analyst asked for EXPLAIN or PROFILE, the query without that prefix (for classification), and
 * the patterns of its `=~` operators.
 */
export function lexicalGate(query: string): { mode: ConsoleMode; body: string; regexes: RegexOperand[] } {
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
    for (const piece of keywordPieces(token.text)) {
      const reason = REFUSED_KEYWORDS[piece.toUpperCase()];
      if (reason) throw ConsoleError.refused(`${piece.toUpperCase()} ${reason}; the console only reads.`);
    }
  }

  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    // A call: a name in front of "(", or the name after CALL (procedures may go without parentheses).
    if (token?.text === '(' && token.kind === 'other' && isName(tokens[i - 1])) {
      const { name, parts, first: at } = nameEndingAt(tokens, i - 1);
      if (parts > 1 && !isConsoleCallableAllowed(name)) throw refuseCallable(name);
      if (parts === 1) checkRange(tokens, at, i);
    } else if (token?.kind === 'word' && token.text.toUpperCase() === 'CALL' && isName(tokens[i + 1])) {
      const { name, parts } = nameStartingAt(tokens, i + 1);
      if (parts > 1 && !isConsoleCallableAllowed(name)) throw refuseCallable(name);
    }
  }
  return {
    mode,
    body: first && mode !== 'run' ? query.slice(first.end) : query,
    regexes: regexOperands(tokens),
  };
}
