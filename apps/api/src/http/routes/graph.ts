import { PathsQuerySchema, TraceQuerySchema, type PathsResponse } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import { parseRequest } from '../validate.ts';

/** Routes that walk the graph between or from entities. */
export const graphRoutes: FastifyPluginAsync = async (app) => {
  app.get('/paths', async (request): Promise<PathsResponse> => {
    const query = parseRequest(PathsQuerySchema, request.query, 'query');
    return { paths: await app.graph.paths(query) };
  });

  app.get('/trace', async (request) => {
    const query = parseRequest(TraceQuerySchema, request.query, 'query');
    return app.graph.trace(query);
  });
};
