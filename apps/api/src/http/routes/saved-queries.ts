import { SaveQueryRequestSchema, SavedQueryParamsSchema, type SavedQuery } from '@explorer/model';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import { checkReadOnly } from '../../console/check-read-only.ts';
import { DEFAULT_CONSOLE_SETTINGS } from '../../console/settings.ts';
import type { Database } from '../../db/database.ts';
import { SavedQueryError, toSavedQueryError } from '../../saved-queries/errors.ts';
import { SavedQueryRepository } from '../../saved-queries/saved-query-repository.ts';
import { parseRequest } from '../validate.ts';

export interface SavedQueryRouteOptions {
  db: Database;
  config: Pick<Config, 'queryTimeoutMs'> & Partial<Pick<Config, 'console'>>;
}

/** The console's saved, named queries (README: Console). Answers its own errors, as the console does. */
export const savedQueryRoutes: FastifyPluginAsync<SavedQueryRouteOptions> = async (app, { db, config }) => {
  const savedQueries = new SavedQueryRepository(db, config.queryTimeoutMs);
  const consoleTimeoutMs = (config.console ?? DEFAULT_CONSOLE_SETTINGS).timeoutMs;

  app.setErrorHandler((error, request, reply) => {
    const answer = toSavedQueryError(error);
    if (answer.status >= 500 && answer.status !== 504) request.log.error({ err: error }, answer.message);
    void reply.status(answer.status).send(answer.body());
  });

  app.get('/saved-queries', async () => ({ savedQueries: await savedQueries.list() }));

  app.get('/saved-queries/:id', async (request): Promise<SavedQuery> => {
    const { id } = parseRequest(SavedQueryParamsSchema, request.params, 'params');
    const found = await savedQueries.get(id);
    if (!found) throw SavedQueryError.notFound(id);
    return found;
  });

  app.post('/saved-queries', async (request, reply) => {
    const body = parseRequest(SaveQueryRequestSchema, request.body, 'body');
    // Refused exactly as the console would refuse to run it, before anything is written.
    await checkReadOnly(db, body.query, body.params, consoleTimeoutMs);
    const saved = await savedQueries.create(body);
    return reply.status(201).header('location', `/api/saved-queries/${saved.id}`).send(saved);
  });

  app.delete('/saved-queries/:id', async (request, reply) => {
    const { id } = parseRequest(SavedQueryParamsSchema, request.params, 'params');
    if (!(await savedQueries.delete(id))) throw SavedQueryError.notFound(id);
    return reply.status(204).send();
  });
};
