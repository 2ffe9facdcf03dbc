import { ConsoleErrorBodySchema } from '@explorer/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../support/stack.ts';
import { TEST_CONSOLE, useConsoleApp } from './support.ts';

const { cypher, db, health } = useConsoleApp();

/** Queries that must be refused (403) or stopped (504), never run to completion. */
const HOSTILE: Array<[label: string, query: string]> = [
  ['CREATE', "CREATE (:Entity:Company {id: 'evil', name: 'Evil'})"],
  ['MERGE', "MERGE (c:Company {id: 'hikvision'}) ON MATCH SET c.name = 'pwned'"],
  ['SET', "MATCH (c:Company {id: 'hikvision'}) SET c.name = 'pwned'"],
  ['SET with label', "MATCH (c:Company {id: 'hikvision'}) SET c:Evil"],
  ['REMOVE', "MATCH (c:Company {id: 'hikvision'}) REMOVE c.name"],
  ['DELETE', 'MATCH ()-[r:LISTED_ON]->() DELETE r'],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['lower-case write', 'match (n) detach delete n'],
  ['write hidden behind a comment', 'MATCH (n) /* just reading */ SET n.x = 1 RETURN n'],
  ['write inside CALL { }', 'MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)'],
  ['CREATE inside CALL { }', 'CALL () { CREATE (:Evil) } RETURN 1'],
  ['FOREACH', 'MATCH (n) FOREACH (x IN [1] | SET n.x = x)'],
  ['CALL … IN TRANSACTIONS', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS'],
  ['read CALL … IN TRANSACTIONS', 'MATCH (n) CALL (n) { RETURN n.id AS id } IN TRANSACTIONS RETURN id'],
  ['CREATE INDEX', 'CREATE INDEX evil FOR (n:Company) ON (n.evil)'],
  ['CREATE CONSTRAINT', 'CREATE CONSTRAINT evil FOR (n:Evil) REQUIRE n.id IS UNIQUE'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT entity_id IF EXISTS'],
  ['LOAD CSV from a file', "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
  ['LOAD CSV over http', "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row"],
  ['apoc.load.json over http', "CALL apoc.load.json('http://127.0.0.1:9/x') YIELD value RETURN value"],
  ['apoc.load.json from a file', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"],
  ['apoc.load in backquotes', "CALL `apoc`.`load`.`json`('http://127.0.0.1:9/x') YIELD value RETURN value"],
  ['apoc.export to a file', "CALL apoc.export.json.all('/tmp/explorer-dump.json', {})"],
  ['apoc.export csv to a file', "CALL apoc.export.csv.all('explorer-dump.csv', {})"],
  ['apoc.export streamed', 'CALL apoc.export.json.all(null, {stream: true}) YIELD data RETURN data'],
  ['apoc.periodic.iterate', "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})"],
  ['apoc.periodic.submit', "CALL apoc.periodic.submit('evil', 'MATCH (n) DETACH DELETE n')"],
  ['apoc.cypher.runWrite', "CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {})"],
  ['apoc.cypher.doIt', "CALL apoc.cypher.doIt('MATCH (n) DETACH DELETE n', {})"],
  ['apoc.cypher function', "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN count(n)', {})"],
  ['db write procedure', "CALL db.createLabel('Evil')"],
  ['dbms.components', 'CALL dbms.components()'],
  ['dbms.listConfig', 'CALL dbms.listConfig()'],
  ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
  ['TERMINATE TRANSACTIONS', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ['USE system', 'USE system SHOW DATABASES'],
  ['CREATE DATABASE', 'CREATE DATABASE evil'],
  ['CREATE USER', "CREATE USER mallory SET PASSWORD 'secret-secret'"],
  ['SHOW USERS', 'SHOW USERS'],
  ['cartesian product', 'MATCH (a), (b), (c), (d), (e) RETURN count(a.id + b.id + c.id + d.id + e.id)'],
  ['variable-length explosion', 'MATCH p = (a)-[*]-(b) RETURN count(p)'],
  [
    'allowed APOC path expansion without bounds',
    "MATCH (n) CALL apoc.path.expandConfig(n, {maxLevel: -1, uniqueness: 'NONE'}) YIELD path RETURN count(path)",
  ],
  ['unbounded UNWIND', 'UNWIND range(1, 100000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(i)'],
];

let before: string;
beforeAll(async () => {
  before = await graphChecksum(db());
});

afterAll(async () => {
  // Byte for byte the same graph after every hostile query.
  expect(await graphChecksum(db())).toBe(before);
});

describe('the hostile suite', () => {
  it('has at least 30 queries', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE)('refuses or stops: %s', async (_label, query) => {
    const { status, body, ms } = await cypher(query);
    expect([403, 504]).toContain(status);
    const error = ConsoleErrorBodySchema.parse(body).error;
    expect(error.code).toBe(status === 403 ? 'forbidden' : 'timeout');
    expect(error.message.length).toBeGreaterThan(10);
    expect(ms).toBeLessThan(TEST_CONSOLE.timeoutMs + 4_000);
    expect((await health()).neo4j).toBe('up');
  });

  it('keeps /api/health answering while a runaway query runs', async () => {
    const runaway = cypher('MATCH p = (a)-[*]-(b) RETURN count(p)');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    expect((await health()).neo4j).toBe('up');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await runaway).status).toBe(504);
  });

  it('leaves the graph unchanged', async () => {
    expect(await graphChecksum(db())).toBe(before);
  });
});
