import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

/** API requests served at once when the configuration does not say. */
export const DEFAULT_MAX_IN_FLIGHT = 256;

/**
 * Load shedding: at most `max` API requests are served at once; one more is answered 503 at once
 * (with Retry-After) instead of waiting. Without it an overloaded server queues without bound (at a
 * million entities, a 200 requests/s browse load ran the process out of memory). The health check is
 * never refused, so an operator can always see why.
 */
export function limitInFlight(app: FastifyInstance, max: number): void {
  let inFlight = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    if (inFlight >= max) {
      const busy = new HttpError(503, 'busy', `The server is busy (${max} requests at once); try again shortly.`);
      return reply.status(503).header('retry-after', '1').send(busy.body());
    }
    inFlight++;
    // 'close' fires once the answer is sent or the client has gone, whichever comes first.
    reply.raw.once('close', () => inFlight--);
  });
}
