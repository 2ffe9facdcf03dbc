import { isName, type Token } from './cypher-tokens.ts';

/** The right-hand side of one `=~`: a string literal, a parameter, or something computed. */
export type RegexOperand =
  { kind: 'literal'; pattern: string } | { kind: 'parameter'; name: string } | { kind: 'computed' };

/** Tokens that, after a literal or parameter, make the pattern an expression (`'a' + x`, `$p[0]`). */
const CONTINUES = new Set(['+', '[', '.', '(', ':', '|']);

/** The pattern operand of every `=~` in the query. */
export function regexOperands(tokens: Token[]): RegexOperand[] {
  const operands: RegexOperand[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'other' || token.text !== '=~') return;
    const operand = tokens[i + 1];
    let next = i + 2;
    let found: RegexOperand = { kind: 'computed' };
    if (operand?.kind === 'string') {
      found = { kind: 'literal', pattern: operand.text };
    } else if (operand?.text === '$' && operand.kind === 'other' && isName(tokens[i + 2])) {
      found = { kind: 'parameter', name: tokens[i + 2]?.text ?? '' };
      next = i + 3;
    }
    const after = tokens[next];
    operands.push(after?.kind === 'other' && CONTINUES.has(after.text) ? { kind: 'computed' } : found);
  });
  return operands;
}
