import { SearchQuerySchema, type SearchResponse } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import { parseRequest } from '../validate.ts';

export const searchRoutes: FastifyPluginAsync = async (app) => {
  app.get('/search', async (request): Promise<SearchResponse> => {
    const query = parseRequest(SearchQuerySchema, request.query, 'query');
    return { results: await app.graph.search(query) };
  });
};
