import { ConsoleErrorBodySchema } from '@explorer/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';
import { graphChecksum } from '../support/stack.ts';
import { postExport } from './support/request.ts';

const { app, db } = useTestApp();

interface JsonExport {
  meta: { nodeIds: string[] };
  nodes: Array<{ id: string }>;
  edges: Array<{ id: string; source: string; target: string }>;
  sources: Array<{ id: string; kind: string }>;
}

const exportJson = async (query: string, params?: Record<string, unknown>) => {
  const response = await postExport(app(), { format: 'json', query, ...(params ? { params } : {}) });
  expect(response.status).toBe(200);
  return { file: JSON.parse(response.text) as JsonExport, headers: response.headers };
};

describe('POST /api/export with a console query', () => {
  it('exports exactly the entities and relationships the query returned, and the sources they cite', async () => {
    const query = 'MATCH (c:Company {id: $id})-[r]->(b:Entity) RETURN c, r, b';
    const { file, headers } = await exportJson(query, { id: 'seagate' });
    const { records } = await db().driver.executeQuery(
      `MATCH (c:Company {id: 'seagate'})-[r]->(b:Entity)
       RETURN collect(DISTINCT c.id) + collect(DISTINCT b.id) AS ids, collect(r.id) AS rels`,
    );
    const ids = [...new Set(records[0]?.get('ids') as string[])].sort();
    expect(ids.length).toBeGreaterThan(1);
    expect(file.nodes.map((n) => n.id).sort()).toEqual(ids);
    expect(file.edges.map((e) => e.id).sort()).toEqual([...(records[0]?.get('rels') as string[])].sort());
    expect(file.sources.length).toBeGreaterThan(0);
    expect(file.sources.every((s) => s.kind === 'Source' && !ids.includes(s.id))).toBe(true);
    expect(String(headers['content-disposition'])).toMatch(
      new RegExp(`filename="explorer_query-${ids.length}-entities_\\d{8}T\\d{6}Z\\.json"`),
    );
  });

  it('exports only the relationships the result holds, not every one among its entities', async () => {
    const { file } = await exportJson("MATCH (a:Entity {id: 'seagate'}), (b:Entity {id: 'hikvision'}) RETURN a, b");
    expect(file.nodes.map((n) => n.id).sort()).toEqual(['hikvision', 'seagate']);
    expect(file.edges).toEqual([]);
  });

  it('exports nothing but an empty file for a result without nodes', async () => {
    const { file } = await exportJson('MATCH (c:Company) RETURN c.name AS name LIMIT 3');
    expect(file.nodes).toEqual([]);
    expect(file.edges).toEqual([]);
  });

  it('answers a syntax error as the console does: 400 naming query, with the position', async () => {
    const response = await postExport(app(), { format: 'json', query: 'MATCH (n RETURN n' });
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text) as {
      error: { code: string; details: { field: string; position: unknown } };
    };
    expect(body.error.code).toBe('cypher_error');
    expect(body.error.details.field).toBe('query');
    expect(body.error.details.position).toMatchObject({ line: 1 });
  });
});

describe('query exports under the console safety rules', () => {
  let before: string;
  beforeAll(async () => {
    before = await graphChecksum(db());
  });
  afterAll(async () => {
    expect(await graphChecksum(db())).toBe(before);
  });

  it.each([
    ['a write', "MATCH (c:Company {id: 'hikvision'}) SET c.name = 'pwned' RETURN c"],
    ['CREATE', "CREATE (n:Entity:Company {id: 'evil', name: 'Evil'}) RETURN n"],
    ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
    ['apoc.load.json', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"],
    ['apoc.load in backquotes', "CALL `apoc`.`load`.`json`('http://127.0.0.1:9/x') YIELD value RETURN value"],
    // Each of these stopped the database's JVM when it was reachable.
    ['apoc.text.lpad', 'RETURN size(apoc.text.lpad("", 1500000000, "x")) AS n'],
    ['apoc.coll.combinations', 'RETURN size(apoc.coll.combinations(range(1,40), 20)) AS n'],
    ['an escaped apoc.text.lpad', 'RETURN size(apoc.text.\\u006cpad("", 1500000000, "x")) AS n'],
    ['a huge range()', 'RETURN size([i IN range(1, 300000000) | i]) AS n'],
  ])('refuses %s with the console’s 403 and leaves the graph unchanged', async (_label, query) => {
    const response = await postExport(app(), { format: 'graphml', query });
    expect(response.status).toBe(403);
    const error = ConsoleErrorBodySchema.parse(JSON.parse(response.text)).error;
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/^Refused/);
    expect(await graphChecksum(db())).toBe(before);
  });
});
