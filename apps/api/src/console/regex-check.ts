import type { JsonValue } from '@explorer/model';
import { checkSync } from 'recheck';
import { ConsoleError } from './errors.ts';
import type { RegexOperand } from './regex-operands.ts';

/** How long recheck may think about one pattern (it runs on the API's thread). */
const CHECK_MS = 500;

/** Java's leading inline flags, which JavaScript's syntax lacks: `(?i)` is how analysts ignore case. */
const INLINE_FLAGS = /^\(\?([a-zA-Z]+)\)/;

/**
 * Refuses `=~` patterns that backtrack catastrophically. Neo4j matches with java.util.regex, which
 * does not notice a terminated transaction: `'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(.*a){20}'`
 * kept a core busy ~10 s after its 504. The check is recheck's analysis of the pattern as a
 * JavaScript regex, anchored as Java's matches() is: an approximation of Java's engine (same
 * backtracking design, different syntax corners), so a pattern recheck cannot parse or decide is
 * refused too. Exponential and polynomial-of-degree-3-and-up patterns are refused; quadratic ones
 * (`.*a.*b`) pass, as property strings are short.
 *
 * A pattern that is neither a literal nor a parameter is refused: its text is only known inside
 * Neo4j, after the console can check it.
 */
export function checkRegexes(operands: readonly RegexOperand[], params: Record<string, JsonValue>): void {
  for (const operand of operands) {
    if (operand.kind === 'computed') {
      throw ConsoleError.refused(
        'the pattern of =~ must be a string literal or a parameter, so that the console can check it for catastrophic backtracking.',
      );
    }
    const pattern = operand.kind === 'literal' ? operand.pattern : params[operand.name];
    // Not a string: Neo4j answers null or a type error without running a regex.
    if (typeof pattern === 'string') checkPattern(pattern);
  }
}

function checkPattern(javaPattern: string): void {
  const inline = INLINE_FLAGS.exec(javaPattern);
  const letters = inline?.[1] ?? '';
  // i, s, m mean the same in JavaScript; u and d change only which characters match, not backtracking.
  const unsupported = letters.replace(/[ismud]/g, '');
  const refuse = (why: string) =>
    ConsoleError.refused(`the regular expression ${JSON.stringify(javaPattern)} ${why}; the console refuses it.`);
  if (unsupported) throw refuse(`uses inline flags (${unsupported}) the console cannot check`);
  const flags = [...new Set(letters.replace(/[ud]/g, '') + 's')].join('');
  const body = inline ? javaPattern.slice(inline[0].length) : javaPattern;
  const result = checkSync(`^(?:${body})$`, flags, { timeout: CHECK_MS });
  if (result.status === 'safe') return;
  if (result.status === 'unknown') throw refuse('could not be checked for catastrophic backtracking');
  const { complexity } = result;
  if (complexity.type === 'polynomial' && complexity.degree <= 2) return;
  throw refuse(`backtracks catastrophically (${complexity.summary} time in the text's length)`);
}
