import type { PropertyValue, Properties } from './subgraph.ts';

/** The type of a property value, named as neo4j-admin import names column types. */
export type ValueType = 'string' | 'double' | 'long' | 'boolean' | 'string[]' | 'double[]' | 'long[]' | 'boolean[]';

function scalarType(value: unknown): 'string' | 'double' | 'long' | 'boolean' {
  if (typeof value === 'number') return 'double';
  if (typeof value === 'bigint') return 'long';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** An empty list has no element type: `null`, so that another record can decide. */
export function typeOf(value: PropertyValue): ValueType | null {
  if (Array.isArray(value)) {
    return value.length === 0 ? null : `${scalarType(value[0])}[]`;
  }
  return scalarType(value);
}

/**
 * One type per property key over many records (a typed column or key). Keys whose records disagree
 * fall back to `string` (lists to `string[]`), which every format can hold.
 */
export function columnTypes(records: readonly Properties[]): Map<string, ValueType> {
  const types = new Map<string, ValueType | null>();
  for (const properties of records) {
    for (const [key, value] of Object.entries(properties)) {
      const type = typeOf(value);
      const seen = types.get(key);
      if (seen === undefined || seen === null) types.set(key, type);
      else if (type !== null && type !== seen) {
        types.set(key, seen.endsWith('[]') || type.endsWith('[]') ? 'string[]' : 'string');
      }
    }
  }
  const result = new Map<string, ValueType>();
  for (const [key, type] of types) result.set(key, type ?? 'string[]');
  return result;
}

/** A scalar or list element as text: floats keep a decimal point or exponent, integers do not. */
export function scalarText(value: string | number | bigint | boolean): string {
  if (typeof value === 'number') return floatText(value);
  return String(value);
}

/** A float as text that reads back as a float ("481.0", not "481"). */
export function floatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const text = String(value);
  return /[.eE]/.test(text) ? text.replace('e+', 'e') : `${text}.0`;
}

/** A value as JSON-friendly data: integers as numbers when exact, else as decimal strings. */
export function toJsonValue(value: PropertyValue): string | number | boolean | Array<string | number | boolean> {
  const one = (v: string | number | bigint | boolean) =>
    typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v;
  return Array.isArray(value) ? (value as Array<string | number | bigint | boolean>).map(one) : one(value);
}
