import type { HealthResponse } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../db/database.ts';

/** 200 even when the database is down, so that an operator sees why. */
export const healthRoutes: FastifyPluginAsync<{ version: string; db: Database }> = async (app, { version, db }) => {
  app.get('/health', async (): Promise<HealthResponse> => {
    if (db.status() === 'restarting') {
      return {
        status: 'degraded',
        neo4j: 'restarting',
        version,
        detail: 'The embedded database died and is being restarted.',
      };
    }
    try {
      await app.graph.health();
      return { status: 'ok', neo4j: 'up', version };
    } catch (error) {
      return { status: 'degraded', neo4j: 'down', version, detail: (error as Error).message };
    }
  });

  app.get('/schema', () => app.graph.schemaCounts());
};
