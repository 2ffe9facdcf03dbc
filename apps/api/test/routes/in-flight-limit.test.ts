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
  db = connect(inject('neo4jTarget'));
  app = await buildApp({
    config: {
      queryTimeoutMs: 10_000,
      logLevel: 'silent',
      webDistDir: '/nonexistent',
      maxInFlight: 1,
      maxWaitMs: 1_000,
    },
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
  it('answers the request over the limit 503 busy after its short wait, keeps the health check, and serves again when a slot frees', async () => {
    const held = await holdUpload();

    const sent = Date.now();
    const refused = await fetch(`${baseUrl}/api/search?q=Hikvision`);
    const waited = Date.now() - sent;
    expect(refused.status).toBe(503);
    // Refused once its wait (1 s here, 100 ms by default) ran out: not left to wait into a timeout.
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5_000);
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

  it('hands a slot that frees during the wait to the request waiting for it', async () => {
    const held = await holdUpload();
    const waiting = fetch(`${baseUrl}/api/search?q=Hikvision`);
    setTimeout(() => held.destroy(), 100);
    const answer = await waiting;
    expect(answer.status, await answer.clone().text()).toBe(200);
  });

  it('answers a burst of more requests than slots with answers or busy refusals only, each within seconds', async () => {
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => (await fetch(`${baseUrl}/api/search?q=Seagate`)).status),
    );
    for (const status of statuses) expect([200, 503]).toContain(status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses API requests busy while the event loop lags, and serves again once it does not', async () => {
    // Hog the loop in 250 ms slices: every sample of its delay is then about that long.
    const hog = setInterval(() => {
      const end = Date.now() + 250;
      while (Date.now() < end);
    }, 1);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const refused = await fetch(`${baseUrl}/api/search?q=Hikvision`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(ErrorBodySchema.parse(await refused.json()).error.message).toMatch(/event loop lags/);
      expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    } finally {
      clearInterval(hog);
    }
    await expect
      .poll(async () => (await fetch(`${baseUrl}/api/search?q=Hikvision`)).status, { timeout: 5_000 })
      .toBe(200);
  });
});
