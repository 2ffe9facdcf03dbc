import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import type { ConsoleSettings } from '../../src/console/settings.ts';
import { CONSOLE_METADATA_KEY } from '../../src/console/transactions.ts';
import { connect, type Database } from '../../src/db/database.ts';
import { buildApp, type AppOptions } from '../../src/http/app.ts';

/** Short bounds so that the hostile suite is fast: runaway queries die after 2 s. */
export const TEST_CONSOLE: ConsoleSettings = {
  timeoutMs: 2_000,
  maxRows: 100,
  maxConcurrent: 2,
  maxResponseBytes: 200_000,
};

/** A query that runs until it is stopped: every path of the graph. */
export const RUNAWAY = 'MATCH p = (a)-[*]-(b) RETURN count(p)';

/** Console transactions Neo4j still lists (any run id). */
export async function consoleTransactions(db: Database): Promise<number> {
  const { records } = await db.driver.executeQuery(
    'SHOW TRANSACTIONS YIELD metaData WHERE metaData[$key] IS NOT NULL RETURN count(*) AS n',
    { key: CONSOLE_METADATA_KEY },
    { database: db.database },
  );
  return Number(records[0]?.get('n'));
}

export interface Answer {
  status: number;
  // The JSON answer, loosely typed: tests look into it.
  body: { [key: string]: unknown };
  ms: number;
}

/** An app over the test database with the console's test bounds, and `cypher`, a POST /api/cypher. */
export function useConsoleApp(settings: ConsoleSettings = TEST_CONSOLE) {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = connect(inject('neo4jTarget'));
    const config: AppOptions['config'] & { console: ConsoleSettings } = {
      queryTimeoutMs: 10_000,
      logLevel: 'silent',
      webDistDir: '/nonexistent',
      console: settings,
    };
    app = await buildApp({ config, db, version: 'test' });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const ready = () => {
    if (!app || !db) throw new Error('app not ready');
    return { app, db };
  };
  return {
    db: () => ready().db,
    app: () => ready().app,
    cypher: async (query: string, params?: Record<string, unknown>): Promise<Answer> => {
      const started = Date.now();
      const response = await ready().app.inject({ method: 'POST', url: '/api/cypher', payload: { query, params } });
      return { status: response.statusCode, body: response.json(), ms: Date.now() - started };
    },
    health: async () => (await ready().app.inject({ method: 'GET', url: '/api/health' })).json<{ neo4j: string }>(),
  };
}
