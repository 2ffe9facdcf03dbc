import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.ts';
import { isOwnOrigin, type OwnOrigin } from './own-origin.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// A page on another site (or a sibling subdomain) is never the web app, which is served from here.
const FOREIGN_FETCH_SITES = new Set(['cross-site', 'same-site']);

/**
 * Writes (imports, merges, saved queries, console runs) come only from the web app, served from this
 * very origin, or from clients that send no Origin at all (curl, scripts). A browser page elsewhere
 * could otherwise post to the API with the user's network position: 403.
 */
export function refuseCrossOriginWrites(app: FastifyInstance, own: OwnOrigin): void {
  app.addHook('onRequest', async (request, reply) => {
    if (READS.has(request.method)) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const foreignOrigin = origin !== undefined && !isOwnOrigin(origin, request.headers.host, own);
    const foreignSite = typeof fetchSite === 'string' && FOREIGN_FETCH_SITES.has(fetchSite);
    if (!foreignOrigin && !foreignSite) return;
    const from = foreignOrigin ? `origin ${origin}` : `a ${fetchSite} page`;
    const refused = new HttpError(
      403,
      'cross_origin',
      `${request.method} from ${from} refused: the API takes writes only from its own web app.`,
      { field: 'origin' },
    );
    return reply.status(403).send(refused.body());
  });
}
