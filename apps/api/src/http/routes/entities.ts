import { EntityParamsSchema, NeighborsQuerySchema } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import { parseRequest } from '../validate.ts';

export const entityRoutes: FastifyPluginAsync = async (app) => {
  app.get('/entities/:id', async (request) => {
    const { id } = parseRequest(EntityParamsSchema, request.params, 'params');
    return app.graph.entity(id);
  });

  app.get('/entities/:id/neighbors', async (request) => {
    const { id } = parseRequest(EntityParamsSchema, request.params, 'params');
    const query = parseRequest(NeighborsQuerySchema, request.query, 'query');
    return app.graph.neighbors(id, query);
  });
};
