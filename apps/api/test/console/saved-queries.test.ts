import {
  SavedQueryErrorBodySchema,
  SavedQueryListResponseSchema,
  SavedQuerySchema,
  type SavedQuery,
} from '@explorer/model';
import { readShippedDataset } from '@explorer/seeds';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmpty, loadDataset } from '../../src/seed/load-dataset.ts';
import { prepareDatabase } from '../../src/startup.ts';
import { useOwnDatabase } from '../support/own-database.ts';
import { buildTestApp } from '../support/stack.ts';

// Saving writes to the database, and other files compare checksums of the shared test database
// while they run (hostile.test.ts, seed.test.ts). So this file starts an embedded Neo4j of its own,
// empty at first: that also lets it check start-up seeding beside saved queries.
const db = useOwnDatabase('explorer-saved-queries-');
let application: FastifyInstance | undefined;
beforeAll(async () => {
  application = await buildTestApp(db());
});
afterAll(async () => {
  await application?.close();
});

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
}

async function send(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object): Promise<Answer> {
  if (!application) throw new Error('app not ready');
  const response = await application.inject(payload === undefined ? { method, url } : { method, url, payload });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.body === '' ? undefined : response.json(),
  };
}

const save = (payload: object) => send('POST', '/api/saved-queries', payload);

async function list(): Promise<SavedQuery[]> {
  const { status, body } = await send('GET', '/api/saved-queries');
  expect(status).toBe(200);
  return SavedQueryListResponseSchema.parse(body).savedQueries;
}

async function saved(payload: object): Promise<SavedQuery> {
  const answer = await save(payload);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return SavedQuerySchema.parse(answer.body);
}

/** How many SavedQuery nodes have that name, read straight from the database. */
async function storedNamed(name: string): Promise<number> {
  const { records } = await db().driver.executeQuery('MATCH (q:SavedQuery {name: $name}) RETURN count(q) AS n', {
    name,
  });
  return Number(records[0]?.get('n'));
}

const errorOf = (answer: Answer) => SavedQueryErrorBodySchema.parse(answer.body).error;
const fieldsOf = (answer: Answer) => (errorOf(answer).details?.fields ?? []).map((f) => f.field);

const HIKVISION = {
  name: 'Hikvision as a company',
  query: 'MATCH (c:Company {id: $id}) RETURN c',
  params: { id: 'hikvision' },
};

// Writing a whole dataset takes a while on a busy machine.
const SEEDING = { timeout: 300_000 };

describe('saved queries beside the seed and start-up', () => {
  it('still seeds at start-up a database that holds nothing but saved queries', SEEDING, async () => {
    const first = await saved(HIKVISION);
    expect(await isEmpty(db())).toBe(true);

    const log: string[] = [];
    await prepareDatabase(db(), 'report-2022', (line) => log.push(line));
    expect(log.join('\n')).toMatch(/Seeded "report-2022"/);
    expect((await send('GET', '/api/entities/hikvision')).status).toBe(200);
    expect(await list()).toEqual([first]);
  });

  it('keeps every saved query when the dataset is loaded again', SEEDING, async () => {
    await saved({ name: 'Demo companies', query: 'MATCH (c:Company) WHERE c.synthetic RETURN c LIMIT 5' });
    const before = await list();
    expect(before).toHaveLength(2);
    await loadDataset(db(), await readShippedDataset('report-2022'));
    expect(await list()).toEqual(before);
  });
});

describe('/api/saved-queries', () => {
  it('creates, lists (newest first), gets and deletes a saved query', async () => {
    const params = { id: 'seagate', limit: 5, nested: { list: [1, 'two', null], flag: true } };
    const older = await saved({
      name: '  Seagate customers  ',
      query: 'MATCH (s:Company {id: $id})-[:SUPPLIED]->(b) RETURN b LIMIT $limit',
      params,
      description: 'Who bought Seagate drives',
    });
    expect(older).toMatchObject({ name: 'Seagate customers', params, description: 'Who bought Seagate drives' });
    const newer = await saved({ name: 'Any five companies', query: 'MATCH (c:Company) RETURN c LIMIT 5' });
    expect(newer.params).toEqual({});
    expect(newer.description).toBeNull();

    const names = (await list()).map((q) => q.name);
    expect(names.indexOf('Any five companies')).toBeLessThan(names.indexOf('Seagate customers'));

    const got = await send('GET', `/api/saved-queries/${older.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(older);

    const deleted = await send('DELETE', `/api/saved-queries/${older.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await send('GET', `/api/saved-queries/${older.id}`)).status).toBe(404);
    expect((await send('DELETE', `/api/saved-queries/${older.id}`)).status).toBe(404);
    expect((await list()).map((q) => q.id)).not.toContain(older.id);
  });

  it('answers where to find a new saved query, and runs it through the console as saved', async () => {
    const answer = await save({ name: 'Hikvision by parameter', query: HIKVISION.query, params: HIKVISION.params });
    const created = SavedQuerySchema.parse(answer.body);
    expect(answer.headers['location']).toBe(`/api/saved-queries/${created.id}`);
    const run = await send('POST', '/api/cypher', { query: created.query, params: created.params });
    expect(run.status).toBe(200);
    expect(JSON.stringify(run.body)).toContain('Hikvision');
  });

  it.each([
    ['an empty name', { ...HIKVISION, name: '' }, 'name'],
    ['a name of spaces', { ...HIKVISION, name: '   ' }, 'name'],
    ['a name too long', { ...HIKVISION, name: 'n'.repeat(121) }, 'name'],
    ['no name', { query: HIKVISION.query }, 'name'],
    ['a name that is not text', { ...HIKVISION, name: 42 }, 'name'],
    ['an empty query', { ...HIKVISION, query: ' ' }, 'query'],
    ['a query too long', { ...HIKVISION, query: `RETURN 1 ${'/'.repeat(20_001)}` }, 'query'],
    ['no query', { name: 'No query at all' }, 'query'],
    ['params as a list', { ...HIKVISION, params: ['hikvision'] }, 'params'],
    ['params as text', { ...HIKVISION, params: 'id=hikvision' }, 'params'],
    ['params as null', { ...HIKVISION, params: null }, 'params'],
  ])('refuses %s with a 400 naming the field, storing nothing', async (_label, payload, field) => {
    const before = await list();
    const answer = await save(payload);
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('bad_request');
    expect(fieldsOf(answer)).toEqual([field]);
    expect(errorOf(answer).message).toContain(`${field}:`);
    expect(await list()).toEqual(before);
  });

  it('names the id when it is not a saved query id (400), and says 404 for an unknown one', async () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const bad = await send(method, '/api/saved-queries/not-an-id');
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['id']);
      const unknown = await send(method, '/api/saved-queries/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(errorOf(unknown)).toMatchObject({ code: 'not_found', details: { field: 'id' } });
    }
  });

  it('refuses a name already taken, ignoring case, with a 409', async () => {
    await saved({ name: 'Entity-Listed buyers', query: 'MATCH (n:Company) RETURN n LIMIT 1' });
    for (const name of ['Entity-Listed buyers', 'ENTITY-LISTED BUYERS', ' entity-listed buyers ']) {
      const answer = await save({ name, query: 'RETURN 1 AS one' });
      expect(answer.status).toBe(409);
      expect(errorOf(answer).code).toBe('conflict');
      expect(fieldsOf(answer)).toEqual(['name']);
    }
    expect((await list()).filter((q) => q.name.toLowerCase() === 'entity-listed buyers')).toHaveLength(1);
  });

  it.each([
    ['a delete', 'MATCH (n) DETACH DELETE n'],
    ['a write hidden in a subquery', "CALL () { CREATE (:Evil {name: 'x'}) } RETURN 1"],
    ['a file read', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ['an APOC load', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"],
    ['an admin command', 'SHOW TRANSACTIONS'],
  ])('refuses %s with 403, as the console refuses to run it, storing nothing', async (label, query) => {
    const before = await list();
    const name = `Refused: ${label}`;
    const answer = await save({ name, query });
    expect(answer.status).toBe(403);
    const byConsole = await send('POST', '/api/cypher', { query });
    expect(byConsole.status).toBe(403);
    expect(errorOf(answer)).toEqual(SavedQueryErrorBodySchema.parse(byConsole.body).error);
    expect(await storedNamed(name)).toBe(0);
    expect(await list()).toEqual(before);
  });

  it("refuses Cypher that does not parse with Neo4j's error and position, as the console does", async () => {
    const query = 'MATCH (n:Company)\nRETURN n LIMT 3';
    const answer = await save({ name: 'Broken', query });
    expect(answer.status).toBe(400);
    const byConsole = await send('POST', '/api/cypher', { query });
    expect(errorOf(answer)).toEqual(SavedQueryErrorBodySchema.parse(byConsole.body).error);
    expect(errorOf(answer)).toMatchObject({ code: 'cypher_error', details: { position: { line: 2 } } });
    expect(await storedNamed('Broken')).toBe(0);
  });

  it('keeps saved queries out of the ontology: search, schema counts and the console graph', async () => {
    const query = await saved({ name: 'Zyxwvut unique saved name', query: 'RETURN 1 AS one' });
    const search = await send('GET', '/api/search?q=Zyxwvut');
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body)).not.toContain('Zyxwvut');

    const rows = await send('POST', '/api/cypher', {
      query: 'MATCH (q:SavedQuery {id: $id}) RETURN q',
      params: { id: query.id },
    });
    expect(rows.status).toBe(200);
    const result = rows.body as { rows: unknown[][]; graph: { nodes: unknown[] } };
    expect(result.rows).toHaveLength(1);
    // Not an entity: it is not drawn as one, so it can never be sent to the explorer's canvas.
    expect(result.graph.nodes).toEqual([]);
  });
});
