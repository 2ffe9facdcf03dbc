import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTempDataDir, ensureBuilt, startNeo4jLocal, type Neo4jLocal } from '../src/index.ts';

// Real JVMs, real Bolt, no mocks. Every started instance and temp folder is cleaned up.
const instances: Neo4jLocal[] = [];
const drivers: Driver[] = [];
const dirs: string[] = [];

async function start(options: Parameters<typeof startNeo4jLocal>[0] = {}): Promise<Neo4jLocal> {
  const dataDir = options.dataDir ?? (await createTempDataDir('neo4j-local-test-'));
  if (!dirs.includes(dataDir)) dirs.push(dataDir);
  const instance = await startNeo4jLocal({ ...options, dataDir });
  instances.push(instance);
  return instance;
}

function driverFor(instance: Neo4jLocal): Driver {
  const driver = neo4j.driver(instance.uri, neo4j.auth.basic(instance.auth.user, instance.auth.password), {
    disableLosslessIntegers: true,
  });
  drivers.push(driver);
  return driver;
}

async function closeDrivers(): Promise<void> {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
}

beforeAll(async () => {
  await ensureBuilt();
}, 600_000);

afterAll(async () => {
  await closeDrivers();
  await Promise.all(instances.map((i) => i.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('a running instance (default settings)', () => {
  let db: Neo4jLocal;
  let driver: Driver;

  beforeAll(async () => {
    db = await start();
    driver = driverFor(db);
  }, 180_000);

  it('listens on a free port and answers RETURN 1 over Bolt', async () => {
    expect(db.uri).toBe(`bolt://127.0.0.1:${db.boltPort}`);
    expect(db.boltPort).toBeGreaterThan(0);
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    expect(records[0]?.get('one')).toBe(1);
  });

  it('has APOC core 5.26 registered', async () => {
    const { records } = await driver.executeQuery('RETURN apoc.version() AS v, apoc.coll.sum([1, 2, 3]) AS s');
    expect(String(records[0]?.get('v'))).toMatch(/^5\.26\./);
    expect(records[0]?.get('s')).toBe(6);
  });

  it('runs apoc.path.subgraphAll and apoc.path.expandConfig', async () => {
    await driver.executeQuery(
      `CREATE (a:Sub {id: 'a'})-[:LINK]->(b:Sub {id: 'b'})-[:LINK]->(c:Sub {id: 'c'}),
              (c)-[:LINK]->(:Sub {id: 'd'}), (:Sub {id: 'island'})`,
    );
    const sub = await driver.executeQuery(
      `MATCH (a:Sub {id: 'a'})
       CALL apoc.path.subgraphAll(a, {maxLevel: 2, relationshipFilter: 'LINK>'}) YIELD nodes, relationships
       RETURN [n IN nodes | n.id] AS ids, size(relationships) AS rels`,
    );
    expect([...(sub.records[0]?.get('ids') as string[])].sort()).toEqual(['a', 'b', 'c']);
    expect(sub.records[0]?.get('rels')).toBe(2);

    const paths = await driver.executeQuery(
      `MATCH (a:Sub {id: 'a'})
       CALL apoc.path.expandConfig(a, {maxLevel: 3, relationshipFilter: 'LINK>', uniqueness: 'NODE_GLOBAL'}) YIELD path
       RETURN max(length(path)) AS longest`,
    );
    expect(paths.records[0]?.get('longest')).toBe(3);
  });

  it('refuses LOAD CSV from file URLs', async () => {
    await expect(driver.executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")).rejects.toThrow(
      /allow_csv_import_from_file_urls/,
    );
  });

  it('loads no APOC that writes, reaches files or URLs, runs Cypher of its own, or allocates without bound', async () => {
    for (const call of [
      'CALL apoc.export.json.all(null, {stream: true}) YIELD data RETURN data',
      "CALL apoc.load.json('file:///etc/passwd')",
      "CALL apoc.periodic.iterate('RETURN 1', 'RETURN 1', {})",
      "CALL apoc.cypher.run('RETURN 1', {})",
    ]) {
      await expect(driver.executeQuery(call), call).rejects.toThrow(/no procedure with the name/i);
    }
    for (const call of [
      'RETURN apoc.text.lpad("", 1500000000, "x")',
      'RETURN apoc.coll.combinations(range(1, 40), 20)',
      'RETURN apoc.convert.setJsonProperty(null, "a", 1)',
      'RETURN apoc.cypher.runFirstColumnSingle("RETURN 1", {})',
    ]) {
      await expect(driver.executeQuery(call), call).rejects.toThrow(/Unknown function/i);
    }
  });

  it('answers Bolt only with the password made for its data folder, kept readable by the owner alone', async () => {
    const file = path.join(db.dataDir, 'bolt-password');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(db.auth.password);
    expect(db.auth.password.length).toBeGreaterThanOrEqual(24);
    for (const auth of [undefined, neo4j.auth.basic('neo4j', 'neo4j'), neo4j.auth.basic('neo4j', 'wrong-password')]) {
      const stranger = neo4j.driver(db.uri, auth);
      try {
        await expect(stranger.executeQuery('RETURN 1')).rejects.toThrow(/auth|unauthorized/i);
      } finally {
        await stranger.close();
      }
    }
  });

  it('refuses a second instance on the same (locked) data folder', async () => {
    await expect(startNeo4jLocal({ dataDir: db.dataDir })).rejects.toThrow(/locked by another running Neo4j instance/);
    // ...and the first one is unaffected.
    const { records } = await driver.executeQuery('RETURN 2 AS two');
    expect(records[0]?.get('two')).toBe(2);
  });
});

describe('restart on the same folder', () => {
  afterEach(closeDrivers);

  it('keeps committed writes and needs no recovery after a clean stop; removes the folder only when asked', async () => {
    const dataDir = await createTempDataDir('neo4j-local-test-');
    dirs.push(dataDir);

    const first = await start({ dataDir });
    const marker = `m-${Date.now()}`;
    await driverFor(first).executeQuery('CREATE (:Marker {value: $marker})', { marker });
    await closeDrivers();
    await first.stop();
    expect(await first.exited).toMatchObject({ code: 0, signal: null });
    await first.stop(); // idempotent

    const second = await start({ dataDir, boltPort: 0, removeDataDirOnStop: true });
    const { records } = await driverFor(second).executeQuery('MATCH (m:Marker) RETURN m.value AS value');
    expect(records.map((r) => r.get('value'))).toEqual([marker]);

    const debugLog = await readFile(path.join(dataDir, 'logs', 'debug.log'), 'utf8');
    expect(debugLog).not.toMatch(/Recovery required/);
    await closeDrivers();
    await second.stop();
    expect((await second.exited).code).toBe(0);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });
});

describe('transaction timeout', () => {
  afterEach(closeDrivers);

  it('terminates a transaction that runs longer than txTimeoutSeconds', async () => {
    const db = await start({ txTimeoutSeconds: 2 });
    const driver = driverFor(db);
    const began = Date.now();
    const error = await driver
      .executeQuery('UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(*) AS c')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const elapsed = Date.now() - began;
    expect(error).toBeInstanceOf(neo4j.Neo4jError);
    expect((error as InstanceType<typeof neo4j.Neo4jError>).code).toMatch(
      /^Neo\.ClientError\.Transaction\.TransactionTimedOut/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
    expect(elapsed).toBeLessThan(30_000);
    await closeDrivers();
    await db.stop();
  });
});
