import {
  ConnectBodySchema,
  RelationshipParamsSchema,
  type ConnectResponse,
  type RelationshipResponse,
} from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../db/database.ts';
import { ExplorerRepository } from '../../db/explorer-repository.ts';
import { QueryRunner } from '../../db/runner.ts';
import { HttpError } from '../errors.ts';
import { parseRequest } from '../validate.ts';

/** Routes for the explorer canvas: a relationship with its sources, and the links among canvas entities. */
export const explorerRoutes: FastifyPluginAsync<{ db: Database; queryTimeoutMs: number }> = async (app, options) => {
  const explorer = new ExplorerRepository(new QueryRunner(options.db, options.queryTimeoutMs));

  app.get('/relationships/:id', async (request): Promise<RelationshipResponse> => {
    const { id } = parseRequest(RelationshipParamsSchema, request.params, 'params');
    const found = await explorer.relationship(id);
    if (!found) throw new HttpError(404, 'not_found', `No relationship with id "${id}"`, { field: 'id', id });
    return found;
  });

  app.post('/graph/connect', async (request): Promise<ConnectResponse> => {
    const { ids } = parseRequest(ConnectBodySchema, request.body, 'body');
    return explorer.connect(ids);
  });
};
