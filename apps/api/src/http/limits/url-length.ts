import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';
import { REQUEST_LIMITS } from './request-limits.ts';

/** 414 for a URL over the limit: no route takes anything that long, and it would end up in logs. */
export function limitUrlLength(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length <= REQUEST_LIMITS.maxUrlLength) return;
    const message = `The URL has ${request.url.length} characters; this server takes at most ${REQUEST_LIMITS.maxUrlLength}.`;
    return reply.status(414).send(new HttpError(414, 'uri_too_long', message, { field: 'url' }).body());
  });
}
