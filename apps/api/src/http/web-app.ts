import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The built web app at `/`: its files as they are, and its page for `/` and every client-side route,
 * carrying this answer's style nonce for the console editor (see security/security-headers.ts).
 */
export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const pageFile = path.join(webDist, 'index.html');
  if (!existsSync(pageFile)) {
    app.get('/', (_request, reply) =>
      reply
        .type('text/plain')
        .send(`The web app is not built (${webDist} is missing). Run: npm run build -w @explorer/web`),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    // The page goes out only with its nonce.
    allowedPath: (pathName) => pathName !== '/index.html',
  });
  // Read on every answer, so that a rebuilt app is served without a restart, as its files are.
  const sendPage = async (reply: FastifyReply) => {
    const page = await readFile(pageFile, 'utf8');
    const nonce = `<meta property="csp-nonce" nonce="${reply.cspNonce.style}" />`;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(page.replace('</head>', `  ${nonce}\n  </head>`));
  };
  app.get('/', (_request, reply) => sendPage(reply));
  // Client-side routes (/console, /import …) get the app's page.
  app.setNotFoundHandler((_request, reply) => sendPage(reply));
}
