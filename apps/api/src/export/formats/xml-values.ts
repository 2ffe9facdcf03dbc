import { scalarText, toJsonValue, type ValueType } from '../property-types.ts';
import type { PropertyValue } from '../subgraph.ts';

/** XML formats have no list types here: a list is written as its JSON array text. */
export function xmlValueText(value: PropertyValue, type: ValueType): string {
  if (Array.isArray(value) || type.endsWith('[]')) return JSON.stringify(toJsonValue(value));
  return scalarText(value);
}
