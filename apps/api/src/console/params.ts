import type { JsonValue } from '@explorer/model';
import neo4j from 'neo4j-driver';

/** JSON whole numbers become Neo4j integers (LIMIT $n needs one); everything else passes as is. */
export function toNeo4jParams(params: Record<string, JsonValue>): Record<string, unknown> {
  const convert = (value: JsonValue): unknown => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}
