import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Cytoscape's `.__________cytoscape_container { position: relative; }`, as it writes it. */
const CYTOSCAPE_CONTAINER_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

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
      // Styles come from this origin's files, plus two <style> elements written at run time: Cytoscape's
      // one fixed rule (allowed by its hash) and the console editor's (CodeMirror, through style-mod),
      // allowed by the nonce each page answer carries (web-app.ts), added by @fastify/helmet. No
      // 'unsafe-inline': React's style props go through the CSSOM, which the CSP does not govern.
      styleSrc: ["'self'", CYTOSCAPE_CONTAINER_STYLE],
      // Style attributes only (no selectors, so they cannot read the page): Chromium's own editing
      // writes one into the console editor's line when typed text replaces a selection; CodeMirror
      // redraws the line at once, and blocking it only reports a violation.
      styleSrcAttr: ["'unsafe-inline'"],
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
  await app.register(fastifyHelmet, { ...SECURITY_HEADERS, global: true, enableCSPNonces: true });
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
