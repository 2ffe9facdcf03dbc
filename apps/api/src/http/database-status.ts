import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { HttpError } from './errors.ts';
import { isRefusableApiRequest } from './in-flight-limit.ts';

/** Seconds a client is asked to wait when the database is unreachable or being restarted. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * While this process restarts a dead embedded database, API requests are answered 503 at once
 * instead of waiting on connections that cannot succeed (the health check still answers, saying
 * `restarting`). Every 503 says when to try again.
 */
export function answerWhileRestarting(app: FastifyInstance, db: Database): void {
  app.addHook('onRequest', async (request, reply) => {
    if (db.status() !== 'restarting' || !isRefusableApiRequest(request)) return;
    const error = new HttpError(
      503,
      'database_unavailable',
      'The graph database stopped and is being restarted; try again in a few seconds.',
    );
    return reply.status(503).send(error.body());
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) {
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    return payload;
  });
}
