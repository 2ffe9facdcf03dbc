import { afterAll, beforeAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../src/db/database.ts';
import { buildTestApp } from './stack.ts';

export interface TestResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Registers hooks giving the test file a connection to the project's database, an app over it,
 * and `get`, a GET through app.inject returning the status and the parsed JSON body.
 */
export function useTestApp(): {
  db: () => Database;
  app: () => FastifyInstance;
  get: (url: string) => Promise<TestResponse>;
} {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = connect(inject('neo4jTarget'));
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const appOrThrow = () => {
    if (!app) throw new Error('app not ready');
    return app;
  };
  return {
    get: async (url) => {
      const response = await appOrThrow().inject({ method: 'GET', url });
      return { status: response.statusCode, body: response.json() };
    },
    db: () => {
      if (!db) throw new Error('database not ready');
      return db;
    },
    app: appOrThrow,
  };
}
