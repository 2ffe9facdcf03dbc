import { floatText } from './property-types.ts';
import type { PropertyValue } from './subgraph.ts';

/**
 * A Cypher string literal for any text. A script cannot use parameters, so this is the only thing
 * between a hostile name and the statement: backslash and both quotes are escaped, and every
 * control, line- or paragraph-separator character and lone surrogate becomes a \uXXXX escape, so
 * the literal is always on one line and the script can be split by lines.
 */
export function cypherString(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const c = text[i] ?? '';
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) {
      out += c + (text[i + 1] ?? '');
      i++;
    } else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      isSurrogate(code)
    ) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += c;
  }
  return `${out}'`;
}

const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** A name (property key) in backticks, backticks doubled as Cypher requires. */
export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function scalarLiteral(value: string | number | bigint | boolean): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Cypher has no NaN or infinity literal; float division produces them.
  if (Number.isNaN(value)) return '(0.0 / 0.0)';
  if (!Number.isFinite(value)) return value > 0 ? '(1.0 / 0.0)' : '(-1.0 / 0.0)';
  return floatText(value);
}

export function cypherValue(value: PropertyValue): string {
  if (Array.isArray(value)) {
    return `[${(value as Array<string | number | bigint | boolean>).map(scalarLiteral).join(', ')}]`;
  }
  return scalarLiteral(value);
}

/** A map literal of properties, keys in the given order. */
export function cypherMap(properties: Record<string, PropertyValue>, keys: readonly string[]): string {
  const entries = keys.flatMap((k) => {
    const v = properties[k];
    return v === undefined ? [] : [`${cypherName(k)}: ${cypherValue(v)}`];
  });
  return `{${entries.join(', ')}}`;
}
