import type { HealthResponse } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';

/** 200 even when the database is down, so that an operator sees why. */
export const healthRoutes: FastifyPluginAsync<{ version: string }> = async (app, { version }) => {
  app.get('/health', async (): Promise<HealthResponse> => {
    try {
      await app.graph.health();
      return { status: 'ok', neo4j: 'up', version };
    } catch (error) {
      return { status: 'degraded', neo4j: 'down', version, detail: (error as Error).message };
    }
  });

  app.get('/schema', () => app.graph.schemaCounts());
};
