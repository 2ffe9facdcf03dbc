import { afterAll, beforeAll, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../src/db/database.ts';
import { buildTestApp } from './stack.ts';

/** Registers hooks giving the test file a connection to the project's database and an app over it. */
export function useTestApp(): { db: () => Database; app: () => FastifyInstance } {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = connect({ uri: inject('neo4jUri') });
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  return {
    db: () => {
      if (!db) throw new Error('database not ready');
      return db;
    },
    app: () => {
      if (!app) throw new Error('app not ready');
      return app;
    },
  };
}
