import { scalarText, toJsonValue, type ValueType } from '../property-types.ts';
import type { PropertyValue } from '../subgraph.ts';

/**
 * The attribute type GraphML and GEXF declare for a value type (both use the same names); lists are
 * declared as strings, since they are written as JSON array text.
 */
export const XML_ATTRIBUTE_TYPE: Record<ValueType, string> = {
  string: 'string',
  double: 'double',
  long: 'long',
  boolean: 'boolean',
  'string[]': 'string',
  'double[]': 'string',
  'long[]': 'string',
  'boolean[]': 'string',
};

/** XML formats have no list types here: a list is written as its JSON array text. */
export function xmlValueText(value: PropertyValue, type: ValueType): string {
  if (Array.isArray(value) || type.endsWith('[]')) return JSON.stringify(toJsonValue(value));
  return scalarText(value);
}
