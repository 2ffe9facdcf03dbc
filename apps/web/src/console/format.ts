import type { JsonValue } from '@explorer/model';

/** A cell as readable text: strings as they are, nodes by name, anything nested as indented JSON. */
export function cellText(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!Array.isArray(value) && value['_type'] === 'node') {
    const props = value['properties'];
    const name = props && typeof props === 'object' && !Array.isArray(props) ? props['name'] : undefined;
    const labels = Array.isArray(value['labels']) ? value['labels'].join(':') : '';
    return `(:${labels} ${typeof name === 'string' ? name : String(value['id'])})`;
  }
  return JSON.stringify(value, null, 2);
}

/** Order for sorting a column: nulls last, numbers by value, the rest by text. */
export function compareCells(a: JsonValue, b: JsonValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellText(a).localeCompare(cellText(b));
}
