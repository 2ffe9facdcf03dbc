import neo4j from 'neo4j-driver';
import type { Database } from '../../../src/db/database.ts';

/** A value with its Neo4j type spelled out, so that 481 (Integer) and 481.0 (Float) differ. */
function typed(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (typeof value === 'number') return `float:${value}`;
  if (typeof value === 'string') return `str:${value}`;
  if (typeof value === 'boolean') return `bool:${value}`;
  if (Array.isArray(value)) return value.map(typed);
  return `other:${String(value)}`;
}

const sortedTyped = (props: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(props)
      .sort()
      .map((k) => [k, typed(props[k])]),
  );

export interface Snapshot {
  nodes: Record<string, { labels: string[]; props: Record<string, unknown> }>;
  rels: Record<string, { type: string; start: string; end: string; props: Record<string, unknown> }>;
}

/** Every node (or those with the given ids) and the relationships among them, typed. */
export async function snapshot(db: Database, ids: string[] | null = null): Promise<Snapshot> {
  const { records: nodes } = await db.driver.executeQuery(
    'MATCH (n) WHERE $ids IS NULL OR n.id IN $ids RETURN n',
    { ids },
    { database: db.database },
  );
  const { records: rels } = await db.driver.executeQuery(
    'MATCH (a)-[r]->(b) WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids) RETURN a.id AS a, b.id AS b, r',
    { ids },
    { database: db.database },
  );
  const result: Snapshot = { nodes: {}, rels: {} };
  for (const record of nodes) {
    const n = record.get('n') as neo4j.Node;
    result.nodes[String(n.properties['id'])] = { labels: [...n.labels].sort(), props: sortedTyped(n.properties) };
  }
  for (const record of rels) {
    const r = record.get('r') as neo4j.Relationship;
    result.rels[`${r.type}:${String(r.properties['id'])}`] = {
      type: r.type,
      start: String(record.get('a')),
      end: String(record.get('b')),
      props: sortedTyped(r.properties),
    };
  }
  return result;
}
