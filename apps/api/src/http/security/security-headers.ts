import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers every answer carries. The CSP allows only this origin's own scripts, styles, images
 * and requests, no plugins, no <base>, no framing and no form posts elsewhere.
 */
export const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Cytoscape's renderer and the console's editor (CodeMirror, through style-mod) insert <style>
      // elements at run time, which 'self' alone blocks (the editor would lose its layout). React's
      // style props go through the CSSOM and need nothing; no style attribute is ever written.
      styleSrc: ["'self'", "'unsafe-inline'"],
      styleSrcAttr: ["'none'"],
      // The console editor's stylesheet draws its markers as data: SVGs.
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
  },
  // frame-ancestors 'none' says it for current browsers; DENY says the same to old ones.
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  // HSTS belongs to whatever terminates TLS in front of the app: sent from here over loopback HTTP it
  // means nothing, and with includeSubDomains it would bind the operator's other hosts too.
  strictTransportSecurity: false,
} satisfies HelmetOptions;

/** Sets the security headers on every answer Fastify sends, errors and 404s included. */
export async function addSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, { ...SECURITY_HEADERS, global: true });
}

/** The same headers as name/value pairs, for answers written to the socket before Fastify sees a request. */
export const RAW_SECURITY_HEADERS: readonly (readonly [string, string])[] = (() => {
  const headers: [string, string][] = [];
  const collect = {
    setHeader: (name: string, value: string) => void headers.push([name, value]),
    removeHeader: () => {},
  };
  helmet(SECURITY_HEADERS)({} as never, collect as never, () => {});
  return headers;
})();
