import type { Token } from './cypher-tokens.ts';
import { ConsoleError } from './errors.ts';

/** The longest list a range() call may build in the database's memory. */
export const RANGE_MAX_VALUES = 1_000_000;

/**
 * range() is the one built-in that makes a large value from small arguments. Neo4j 5.26 counts
 * the rows its operators hold against the transaction memory limit, but not the values an
 * expression builds: `RETURN size([i IN range(1, 300000000) | i])` exited a 512 MB JVM on
 * OutOfMemoryError. (`size(range(1, 2000000000))` alone is lazy and fine, `UNWIND range(…)` streams
 * and meets the time limit, collect() is counted.) So range() is allowed directly after UNWIND, or
 * with literal integer bounds of at most RANGE_MAX_VALUES values. Left to the database: values grown
 * by repeated concatenation (reduce with s + s, chained WITHs, replace()), which no lexical check
 * can bound.
 *
 * `at` is the index of the function's name token, `open` of its "(".
 */
export function checkRange(tokens: Token[], at: number, open: number): void {
  if (tokens[at]?.text.toLowerCase() !== 'range') return;
  if (tokens[at - 1]?.kind === 'word' && tokens[at - 1]?.text.toUpperCase() === 'UNWIND') return;
  const args = literalIntegers(tokens, open + 1);
  if (args && (args.length === 2 || args.length === 3)) {
    const [from = 0n, to = 0n, step = 1n] = args;
    const count = step === 0n ? -1n : (to - from) / step + 1n;
    if (count >= 0n && count <= BigInt(RANGE_MAX_VALUES)) return;
    if (count < 0n && step !== 0n) return; // an empty list
  }
  throw ConsoleError.refused(
    `range() builds its whole list in the database's memory, which Neo4j does not count; ` +
      `use UNWIND range(…) AS i, or integer literals for at most ${RANGE_MAX_VALUES.toLocaleString('en')} values.`,
  );
}

/** The arguments of a call from token i on, when each is a plain integer literal; else null. */
function literalIntegers(tokens: Token[], i: number): bigint[] | null {
  const values: bigint[] = [];
  for (;;) {
    const negative = tokens[i]?.text === '-';
    if (negative) i++;
    const text = tokens[i]?.text ?? '';
    if (tokens[i]?.kind !== 'word' || !/^\d+$/.test(text)) return null;
    values.push(negative ? -BigInt(text) : BigInt(text));
    i++;
    if (tokens[i]?.text === ')') return values;
    if (tokens[i]?.text !== ',') return null;
    i++;
  }
}
