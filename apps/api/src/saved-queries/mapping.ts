import type { JsonValue, SavedQuery } from '@explorer/model';
import type { Node } from 'neo4j-driver';

/** What a SavedQuery node holds: Neo4j stores no maps, so the parameters are kept as JSON text. */
export interface SavedQueryProps {
  id: string;
  name: string;
  /** The name lower-cased: what the uniqueness constraint compares. */
  nameKey: string;
  query: string;
  paramsJson: string;
  description: string | null;
  createdAt: string;
}

export function nameKeyOf(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export function toSavedQuery(node: Node): SavedQuery {
  const p = node.properties as Partial<SavedQueryProps>;
  return {
    id: String(p.id),
    name: String(p.name),
    query: String(p.query),
    params: JSON.parse(p.paramsJson ?? '{}') as Record<string, JsonValue>,
    description: p.description ?? null,
    createdAt: String(p.createdAt),
  };
}
