import { ConsoleErrorBodySchema, ConsoleResponseSchema } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { useConsoleApp } from './support.ts';

const { cypher } = useConsoleApp();

describe('POST /api/cypher results', () => {
  it('answers columns, plain-JSON rows and a summary', async () => {
    const { status, body } = await cypher(
      `MATCH (c:Company {id: 'hikvision'}) RETURN c.name AS name, 2^60 AS big, toInteger(2^62) AS huge,
              date('2019-10-09') AS listed, [1, {a: 2}] AS nested, point({x: 1, y: 2}) AS p, 0.0/0.0 AS nan`,
    );
    expect(status).toBe(200);
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.columns).toEqual(['name', 'big', 'huge', 'listed', 'nested', 'p', 'nan']);
    expect(answer.rows).toEqual([
      [
        expect.stringContaining('Hikvision'),
        2 ** 60,
        '4611686018427387904',
        '2019-10-09',
        [1, { a: 2 }],
        { srid: 7203, x: 1, y: 2 },
        'NaN',
      ],
    ]);
    expect(answer.summary).toMatchObject({ queryType: 'r', rowCount: 1, truncated: false, truncatedBy: null });
    expect(answer.plan).toBeNull();
  });

  it('collects nodes, relationships and paths from anywhere in the rows into graph JSON', async () => {
    const { body } = await cypher(
      `MATCH p = (c:Company {id: 'hikvision'})-[r:LISTED_ON]->(l:ControlList)
       RETURN {path: p} AS inMap, [r] AS inList`,
    );
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.graph.nodes.map((n) => n.id).sort()).toEqual(['bis-entity-list', 'hikvision']);
    expect(answer.graph.edges).toEqual([
      expect.objectContaining({ type: 'LISTED_ON', source: 'hikvision', target: 'bis-entity-list' }),
    ]);
    const hikvision = answer.graph.nodes.find((n) => n.id === 'hikvision');
    expect(hikvision?.flags.listings[0]?.listId).toBe('bis-entity-list');
    const row = answer.rows[0] as [{ path: { _type: string; nodes: unknown[] } }, Array<{ _type: string }>];
    expect(row[0].path._type).toBe('path');
    expect(row[0].path.nodes).toHaveLength(2);
    expect(row[1][0]?._type).toBe('relationship');
  });

  it('brings the end nodes of a relationship returned alone', async () => {
    const { body } = await cypher("MATCH (:Company {id: 'hikvision'})-[r:LISTED_ON]->() RETURN r");
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.graph.nodes).toHaveLength(2);
    expect(answer.graph.edges).toHaveLength(1);
  });

  it('takes parameters, whole numbers as integers', async () => {
    const { status, body } = await cypher('MATCH (n:Company) RETURN n.id AS id ORDER BY id LIMIT $n', { n: 3 });
    expect(status).toBe(200);
    expect(ConsoleResponseSchema.parse(body).rows).toHaveLength(3);
  });

  it('caps rows and says so', async () => {
    const { body } = await cypher('UNWIND range(1, 1000) AS i RETURN i');
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.rows).toHaveLength(100);
    expect(answer.summary).toMatchObject({ truncated: true, truncatedBy: 'rows', rowCount: 100 });
  });

  it('caps the size of the answer', async () => {
    const { body } = await cypher('UNWIND range(1, 90) AS i RETURN i, $filler AS filler', { filler: 'x'.repeat(5000) });
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.summary).toMatchObject({ truncated: true, truncatedBy: 'bytes' });
    expect(answer.rows.length).toBeLessThan(90);
    expect(JSON.stringify(body).length).toBeLessThan(200_000 + 10_000);
  });

  it('returns the plan as a tree for EXPLAIN, without running the query', async () => {
    const { status, body } = await cypher("EXPLAIN MATCH (c:Company {id: 'hikvision'})-->(x) RETURN x");
    expect(status).toBe(200);
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.rows).toEqual([]);
    expect(answer.plan?.operator).toBe('ProduceResults');
    expect(answer.plan?.children.length).toBeGreaterThan(0);
    expect(answer.plan?.rows).toBeNull();
  });

  it('returns the profiled plan with rows and db hits for PROFILE', async () => {
    const { body } = await cypher('PROFILE MATCH (c:Company) RETURN count(c) AS companies');
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.rows[0]?.[0]).toBeGreaterThan(10);
    expect(answer.plan?.operator).toBe('ProduceResults');
    expect(answer.plan?.rows).toBe(1);
    expect(typeof answer.plan?.dbHits).toBe('number');
  });

  it("answers Neo4j's errors as 400 with its code, message and position", async () => {
    const { status, body } = await cypher('MATCH (n) RETURN n LIMIT 1 +');
    expect(status).toBe(400);
    const error = ConsoleErrorBodySchema.parse(body).error;
    expect(error.code).toBe('cypher_error');
    expect(error.details?.neo4jCode).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(error.details?.position).toEqual({ line: 1, column: 29, offset: 28 });
  });

  it("gives positions in the analyst's text, not in the EXPLAIN it is checked with", async () => {
    const { status, body } = await cypher('PROFILE\nMATCH (n)\nRETURN n LIMIT 1 +');
    expect(status).toBe(400);
    expect(ConsoleErrorBodySchema.parse(body).error.details?.position).toEqual({ line: 3, column: 19, offset: 36 });
  });

  it('reports notifications, such as a cartesian product', async () => {
    const { body } = await cypher('MATCH (a:ControlList), (b:ControlList) RETURN count(*) AS pairs');
    const answer = ConsoleResponseSchema.parse(body);
    expect(answer.summary.notifications.map((n) => n.code).join(' ')).toMatch(/CartesianProduct/);
  });

  it('refuses a body without a query', async () => {
    const { status, body } = await cypher('   ');
    expect(status).toBe(400);
    expect(ConsoleErrorBodySchema.parse(body).error.code).toBe('bad_request');
  });
});
