import { HealthResponseSchema, SchemaResponseSchema } from '@explorer/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../src/db/database.ts';
import { useTestApp } from '../support/context.ts';
import { buildTestApp } from '../support/stack.ts';

const { app } = useTestApp();

describe('GET /api/health and /api/schema', () => {
  it('reports the database up', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(HealthResponseSchema.parse(response.json())).toMatchObject({ status: 'ok', neo4j: 'up', version: 'test' });
  });

  it('counts entities by kind and relationships by type', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/schema' });
    const schema = SchemaResponseSchema.parse(response.json());
    expect(schema.entityKinds.find((k) => k.kind === 'Company')?.count).toBeGreaterThan(20);
    expect(schema.relationshipTypes.find((t) => t.type === 'LISTED_ON')?.count).toBeGreaterThan(10);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await app().inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('when the database is unreachable', () => {
  let db: Database;
  let downApp: FastifyInstance;
  beforeAll(async () => {
    // Nothing listens on port 1 of the loopback interface.
    db = connect({ uri: 'bolt://127.0.0.1:1' });
    downApp = await buildTestApp(db);
  });
  afterAll(async () => {
    await downApp.close();
    await db.close();
  });

  it('health still answers 200 and says the database is down', async () => {
    const response = await downApp.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'degraded', neo4j: 'down' });
  });

  // Each request below waits out the driver's retries (about 5 s), hence the longer timeouts.
  it('data routes answer 503, not 500', { timeout: 60_000 }, async () => {
    for (const url of [
      '/api/search?q=seagate',
      '/api/entities/seagate',
      '/api/paths?from=a&to=b',
      '/api/trace?from=seagate',
    ]) {
      const response = await downApp.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(503);
      expect(response.json(), url).toMatchObject({ error: { code: 'database_unavailable' } });
      expect(response.headers['retry-after'], url).toBe('5');
    }
  });

  it(
    'routes with error answers of their own (review queue, saved queries) answer 503 alike',
    { timeout: 60_000 },
    async () => {
      for (const url of ['/api/candidates', '/api/merges', '/api/saved-queries']) {
        const response = await downApp.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(503);
        expect(response.json(), url).toMatchObject({ error: { code: 'database_unavailable' } });
      }
    },
  );
});
