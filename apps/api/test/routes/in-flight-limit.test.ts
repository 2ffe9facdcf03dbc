import { request, type ClientRequest } from 'node:http';
import { ErrorBodySchema } from '@explorer/model';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';

// A server that serves one API request at a time, over real sockets: the held request is an upload
// whose body never finishes, so the slot stays taken for as long as the test wants.
let db: Database;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  db = connect({ uri: inject('neo4jUri') });
  app = await buildApp({
    config: { queryTimeoutMs: 10_000, logLevel: 'silent', webDistDir: '/nonexistent', maxInFlight: 1 },
    db,
    version: 'test',
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** Starts an upload of 1,000 bytes and sends only 10 of them. */
function holdUpload(): Promise<ClientRequest> {
  const held = request(`${baseUrl}/api/import?fileName=held.csv&dryRun=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'content-length': '1000' },
  });
  held.on('error', () => undefined);
  held.write('buyer,supp');
  // The server has taken the request once its headers have arrived; give it a moment to do so.
  return new Promise((resolve) => setTimeout(() => resolve(held), 300));
}

describe('at most API_MAX_IN_FLIGHT requests at once', () => {
  it('answers the request over the limit 503 busy at once, keeps the health check, and serves again when a slot frees', async () => {
    const held = await holdUpload();

    const refused = await fetch(`${baseUrl}/api/search?q=Hikvision`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(ErrorBodySchema.parse(await refused.json()).error).toMatchObject({
      code: 'busy',
      message: expect.stringContaining('busy'),
    });
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);

    // The client gives up its upload: its slot is free again.
    held.destroy();
    await expect
      .poll(async () => (await fetch(`${baseUrl}/api/search?q=Hikvision`)).status, { timeout: 5_000 })
      .toBe(200);
  });
});
