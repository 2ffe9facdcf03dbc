import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/console/classify.ts';
import { ConsoleError } from '../../src/console/errors.ts';
import { lexicalGate } from '../../src/console/lexical-gate.ts';
import { checkPlan, type RawPlan } from '../../src/console/plan.ts';
import { useConsoleApp } from './support.ts';

const { db } = useConsoleApp();

/** The 403 reason a layer gives, or null when it lets the query through. */
async function refusal(check: () => unknown): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof ConsoleError && error.status === 403) return error.message;
    throw error;
  }
}

const plan = (operatorType: string, details = '', children: RawPlan[] = []): RawPlan => ({
  operatorType,
  identifiers: [],
  arguments: { Details: details },
  children,
});

describe('layer 1: the lexical gate', () => {
  it('lets reads through and tells EXPLAIN and PROFILE apart', () => {
    expect(lexicalGate('MATCH (n:Company) RETURN n.set, n.`delete`').mode).toBe('run');
    expect(lexicalGate('explain MATCH (n) RETURN n')).toMatchObject({ mode: 'explain', body: ' MATCH (n) RETURN n' });
    expect(lexicalGate('PROFILE RETURN 1').mode).toBe('profile');
    expect(lexicalGate("RETURN 'CREATE (n) SET n.x = 1' AS text, {delete: 1} AS m // DROP").mode).toBe('run');
    expect(lexicalGate("RETURN apoc.text.clean('x'), date.truncate('month', date())").mode).toBe('run');
  });

  it.each([
    ['MATCH (n) SET n.x = 1', /SET writes/],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1', /TRANSACTIONS/],
    ["LOAD CSV FROM 'http://x' AS r RETURN r", /LOAD reads files or URLs/],
    ['SHOW TRANSACTIONS', /SHOW/],
    ["CALL `apoc`.`load`.json('http://x')", /apoc\.load\.json is not on the console's list/],
    ["RETURN apoc . cypher . runFirstColumnSingle('RETURN 1', {})", /apoc\.cypher\.runFirstColumnSingle/],
    ['CALL dbms.components', /dbms\.components/],
    ['MATCH (n) RETURN n EXPLAIN', /only at the start/],
    ['CYPHER runtime=slotted MATCH (n) RETURN n', /CYPHER sets query options/],
  ])('refuses %s', async (query, reason) => {
    expect(await refusal(() => lexicalGate(query))).toMatch(reason);
  });
});

describe('layer 2: EXPLAIN, its query type and its plan', () => {
  const explain = async (query: string) => {
    const session = db().driver.session({ database: db().database, defaultAccessMode: neo4j.session.READ });
    try {
      return await refusal(() => session.executeRead((tx) => classify(tx, query, {})));
    } finally {
      await session.close();
    }
  };

  it('lets a read through', async () => {
    expect(await explain('MATCH (n:Company) RETURN n LIMIT 1')).toBeNull();
  });

  it('refuses what Neo4j does not call a pure read, even when the lexical gate missed it', async () => {
    expect(await explain("MATCH (c:Company {id: 'hikvision'}) SET c.name = 'x'")).toMatch(/classifies this as a/);
    expect(await explain('CREATE INDEX evil FOR (n:Company) ON (n.evil)')).toMatch(/schema or administration/);
  });

  it('refuses read-typed plans that load, show or call off the allowlist', async () => {
    expect(await explain("LOAD CSV FROM 'http://127.0.0.1:9/x' AS r RETURN r")).toMatch(/LoadCSV/);
    expect(await explain('SHOW TRANSACTIONS')).toMatch(/ShowTransactions/);
    // A built-in procedure Neo4j always has, but not on the console's list.
    expect(await explain('CALL db.info()')).toMatch(/db\.info/);
  });

  it('walks the whole plan tree', async () => {
    expect(
      await refusal(() => checkPlan(plan('ProduceResults', '', [plan('Filter', 'x', [plan('LoadCSV@neo4j')])]))),
    ).toMatch(/LoadCSV/);
    expect(await refusal(() => checkPlan(plan('Projection', 'apoc.convert.setJsonProperty(n, $a, $b)')))).toMatch(
      /setJsonProperty/,
    );
    expect(await refusal(() => checkPlan(plan('ProcedureCall', 'db.labels() :: (label :: STRING)')))).toBeNull();
  });
});

describe('layers 3 and 4: the database itself', () => {
  it('refuses a write in a READ transaction', async () => {
    const session = db().driver.session({ database: db().database, defaultAccessMode: neo4j.session.READ });
    try {
      await expect(session.executeRead((tx) => tx.run("CREATE (:Evil {id: 'evil'})"))).rejects.toThrow(
        /Writing in read access mode not allowed/,
      );
    } finally {
      await session.close();
    }
  });

  it('does not even load procedures off its allowlist', async () => {
    for (const query of [
      "CALL apoc.periodic.iterate('RETURN 1', 'RETURN 1', {})",
      "CALL apoc.cypher.runWrite('RETURN 1', {})",
    ]) {
      await expect(db().driver.executeQuery(query, {}, { database: db().database })).rejects.toThrow(
        /no procedure with the name/,
      );
    }
  });

  it('keeps LOAD CSV from files off, and APOC export not even loaded', async () => {
    await expect(
      db().driver.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", {}, { database: db().database }),
    ).rejects.toThrow(/allow_csv_import_from_file_urls/);
    await expect(
      db().driver.executeQuery("CALL apoc.export.json.all('x.json', {})", {}, { database: db().database }),
    ).rejects.toThrow(/no procedure with the name `apoc\.export\.json\.all`/i);
  });
});
