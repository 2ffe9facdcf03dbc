// Test support shared by the api's and the web app's integration tests: a real embedded Neo4j,
// loaded with the shipped datasets, and (for browser tests) the real HTTP server in front of it.
import { createHash } from 'node:crypto';
import { createTempDataDir, startNeo4jLocal } from '@explorer/neo4j-local';
import { readShippedDataset } from '@explorer/seeds';
import type { FastifyInstance } from 'fastify';
import { connect, type Database, type DatabaseTarget } from '../../src/db/database.ts';
import { applySchema } from '../../src/db/schema.ts';
import { buildApp, type AppOptions } from '../../src/http/app.ts';
import { loadDataset } from '../../src/seed/load-dataset.ts';

export const TEST_DATASETS = ['report-2022', 'demo'] as const;

/** Starts a fresh embedded Neo4j in a temp folder on a free port, with schema and both datasets. */
export async function startTestDatabase(): Promise<{ target: Required<DatabaseTarget>; stop: () => Promise<void> }> {
  const neo4j = await startNeo4jLocal({
    dataDir: await createTempDataDir('explorer-test-'),
    boltPort: 0,
    removeDataDirOnStop: true,
    heapMb: 768,
    // A busy two-core CI machine can take longer than the default 30 s to write a whole dataset.
    txTimeoutSeconds: 120,
  });
  const target = { uri: neo4j.uri, ...neo4j.auth };
  const db = connect(target);
  try {
    await applySchema(db);
    for (const name of TEST_DATASETS) await loadDataset(db, await readShippedDataset(name));
  } catch (error) {
    await db.close();
    await neo4j.stop();
    throw error;
  }
  await db.close();
  return { target, stop: () => neo4j.stop() };
}

/** An app over the given database, for app.inject() tests; `config` adds settings (a public origin, say). */
export async function buildTestApp(
  db: Database,
  webDistDir = '/nonexistent',
  config: Partial<AppOptions['config']> = {},
): Promise<FastifyInstance> {
  return buildApp({
    config: { queryTimeoutMs: 10_000, logLevel: 'silent', webDistDir, ...config },
    db,
    version: 'test',
  });
}

/** The real HTTP server on a free loopback port, for browser tests. */
export async function startTestServer(
  target: DatabaseTarget,
  webDistDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const db = connect(target);
  const app = await buildTestApp(db, webDistDir);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/**
 * A digest of every node and relationship with all labels and properties: equal digests mean the
 * database holds exactly the same graph.
 */
export async function graphChecksum(db: Database): Promise<string> {
  const { records } = await db.driver.executeQuery(
    `CALL () {
       MATCH (n)
       WITH n, labels(n) AS labels ORDER BY n.id
       RETURN collect([apoc.coll.sort(labels), apoc.convert.toJson(apoc.map.sortedProperties(n))]) AS nodes
     }
     CALL () {
       MATCH (a)-[r]->(b)
       WITH a, r, b ORDER BY type(r), r.id, a.id, b.id
       RETURN collect([type(r), a.id, b.id, apoc.convert.toJson(apoc.map.sortedProperties(r))]) AS rels
     }
     RETURN apoc.convert.toJson([nodes, rels]) AS dump`,
    {},
    { database: db.database },
  );
  return createHash('sha256')
    .update(String(records[0]?.get('dump')))
    .digest('hex');
}
