import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../src/db/database.ts';
import { buildTestApp } from './support/stack.ts';

// Clusters and Aura are reached through neo4j:// (routing) URIs. The driver then asks the server for
// a routing table first; a single Community server answers that too, so the same path is tested here.
describe('a neo4j:// routing URI', () => {
  const db = connect({ ...inject('neo4jTarget'), uri: inject('neo4jTarget').uri.replace(/^bolt:/, 'neo4j:') });
  afterAll(() => db.close());

  it('serves search and entity routes through the routing driver', async () => {
    const app = await buildTestApp(db);
    try {
      const search = await app.inject({ method: 'GET', url: '/api/search?q=seagate' });
      expect(search.statusCode).toBe(200);
      expect((search.json() as { results: { id: string }[] }).results[0]?.id).toBe('seagate');
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toMatchObject({ neo4j: 'up' });
    } finally {
      await app.close();
    }
  });
});
