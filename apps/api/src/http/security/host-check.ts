import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';
import { isOwnHost, type OwnOrigin } from './own-origin.ts';

/**
 * Every request, pages and health check included, must name this server in its Host header: loopback
 * or the public origin's host. Anything else is answered 421, which defeats DNS rebinding (a page on
 * evil.example whose name later resolves to 127.0.0.1 would otherwise be same-origin with the API).
 */
export function checkHost(app: FastifyInstance, own: OwnOrigin): void {
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (isOwnHost(host, own)) return;
    const named = host === undefined ? 'no Host header' : `Host "${host}"`;
    const served = own.publicOrigin === null ? 'loopback' : `loopback or ${new URL(own.publicOrigin).host}`;
    const refused = new HttpError(421, 'misdirected', `This server does not answer to ${named}; it serves ${served}.`, {
      field: 'host',
    });
    return reply.status(421).send(refused.body());
  });
}
