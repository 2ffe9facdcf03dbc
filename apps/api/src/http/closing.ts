import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/**
 * While the server closes, a request still arriving on an open connection is answered 503 in the
 * contract's body, with Connection: close (Fastify's own answer to it has a body of its own; the
 * app turns that off with return503OnClosing: false).
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    const refused = new HttpError(503, 'busy', 'The server is shutting down; try again shortly.');
    return reply.status(503).header('connection', 'close').header('retry-after', '1').send(refused.body());
  });
}
