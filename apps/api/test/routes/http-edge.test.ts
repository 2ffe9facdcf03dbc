// The real server on a loopback port, sent raw requests: what a browser on another site, a rebinding
// DNS name or a careless client can send, and what each is answered.
import { ErrorBodySchema } from '@explorer/model';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/context.ts';
import { httpRequest, sendRaw, type RawResponse } from '../support/raw-http.ts';
import { buildTestApp } from '../support/stack.ts';

const PUBLIC_ORIGIN = 'https://explorer.example.org';
const { db } = useTestApp();
let server: FastifyInstance;
let port = 0;

beforeAll(async () => {
  server = await buildTestApp(db(), '/nonexistent', { publicOrigin: PUBLIC_ORIGIN });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
});
afterAll(async () => {
  await server?.close();
});

const own = () => `127.0.0.1:${port}`;
const get = (path: string, headers: Record<string, string> = {}) =>
  sendRaw(port, httpRequest('GET', path, { host: own(), ...headers }));
const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  sendRaw(port, httpRequest('POST', path, { host: own(), 'content-type': 'application/json', ...headers }, body));

/** The answer's contract error body (the test fails if it is not one). */
function errorOf(response: RawResponse) {
  return ErrorBodySchema.parse(JSON.parse(response.body)).error;
}

function expectSecurityHeaders(response: RawResponse) {
  const csp = response.headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "connect-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the Host header', () => {
  it.each(['/api/search?q=hikvision', '/', '/api/health'])(
    'answers Host: evil.example on %s with 421',
    async (path) => {
      const response = await get(path, { host: 'evil.example' });
      expect(response.status).toBe(421);
      const error = errorOf(response);
      expect(error.code).toBe('misdirected');
      expect(error.message).toContain('evil.example');
      expectSecurityHeaders(response);
    },
  );

  it.each([
    'the address it listens on',
    'localhost:9999',
    '[::1]:8080',
    'explorer.example.org',
    'EXPLORER.example.org:443',
  ])('serves Host: %s', async (host) => {
    const response = await get('/api/health', { host: host.includes(' ') ? own() : host });
    expect(response.status).toBe(200);
  });

  it('answers a request without Host with 421 in the contract body, not a bare 400', async () => {
    for (const version of ['1.1', '1.0']) {
      const response = await sendRaw(port, `GET /api/health HTTP/${version}\r\nconnection: close\r\n\r\n`);
      expect(response.status).toBe(421);
      expect(errorOf(response).message).toContain('no Host header');
      expectSecurityHeaders(response);
    }
  });

  it('refuses a Host that only starts like an allowed one', async () => {
    for (const host of ['localhost.evil.example', 'explorer.example.org.evil.example', '127.0.0.1.nip.io']) {
      expect((await get('/api/health', { host })).status).toBe(421);
    }
  });
});

describe('writes from another origin', () => {
  const connectBody = JSON.stringify({ ids: ['no-such-entity'] });

  it('answers a POST with a foreign Origin, or from a cross-site page, with 403', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const response = await postJson('/api/graph/connect', connectBody, headers);
      expect(response.status).toBe(403);
      expect(errorOf(response).code).toBe('cross_origin');
      expectSecurityHeaders(response);
    }
  });

  it("takes a POST from the server's own origin (loopback as addressed, or the public one) and from clients without Origin", async () => {
    const cases: Record<string, string>[] = [
      { origin: `http://${own()}`, 'sec-fetch-site': 'same-origin' },
      { host: 'explorer.example.org', origin: PUBLIC_ORIGIN },
      {},
    ];
    for (const headers of cases) {
      const response = await postJson('/api/graph/connect', connectBody, headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
    // A loopback origin on another port is another origin (another local app).
    const other = await postJson('/api/graph/connect', connectBody, { origin: 'http://127.0.0.1:1' });
    expect(other.status).toBe(403);
  });

  it('still answers reads from anywhere it is addressed correctly', async () => {
    const response = await get('/api/health', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(200);
  });
});

describe('security headers', () => {
  it('are on a success, an API 404, a page and a 400', async () => {
    expectSecurityHeaders(await get('/api/health'));
    const notFound = await get('/api/no-such-route');
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound);
    expectSecurityHeaders(await get('/'));
    const bad = await get('/api/search?q=');
    expect(bad.status).toBe(400);
    expectSecurityHeaders(bad);
  });
});

describe('the web app', () => {
  let web: FastifyInstance;
  let webPort = 0;
  let dist = '';
  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'explorer-http-edge-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(
      path.join(dist, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body></body></html>',
    );
    await writeFile(path.join(dist, 'assets', 'app.js'), 'console.log(1);');
    web = await buildTestApp(db(), dist);
    await web.listen({ host: '127.0.0.1', port: 0 });
    const address = web.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    webPort = address.port;
  });
  afterAll(async () => {
    await web?.close();
    await rm(dist, { recursive: true, force: true });
  });
  const getPage = (pathName: string, host = `127.0.0.1:${webPort}`) =>
    sendRaw(webPort, httpRequest('GET', pathName, { host }));

  it('serves its page, on / and client routes, with the style nonce its own CSP allows', async () => {
    for (const pathName of ['/', '/console', '/index.html']) {
      const page = await getPage(pathName);
      expect(page.status, pathName).toBe(200);
      expectSecurityHeaders(page);
      const nonce = /<meta property="csp-nonce" nonce="([0-9a-f]+)"/.exec(page.body)?.[1];
      expect(nonce, pathName).toBeDefined();
      expect(page.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    }
    const [first, second] = await Promise.all([getPage('/'), getPage('/')]);
    expect(first?.headers['content-security-policy']).not.toBe(second?.headers['content-security-policy']);
  });

  it('serves its files with the security headers, and refuses them to a foreign Host', async () => {
    const file = await getPage('/assets/app.js');
    expect(file.status).toBe(200);
    expect(file.body).toBe('console.log(1);');
    expectSecurityHeaders(file);
    const rebound = await getPage('/assets/app.js', `evil.example:${webPort}`);
    expect(rebound.status).toBe(421);
    expect(errorOf(rebound).code).toBe('misdirected');
  });
});

describe('closing', () => {
  it('answers a request still arriving on an open connection with 503 in the contract body', async () => {
    const closing = await buildTestApp(db());
    await closing.listen({ host: '127.0.0.1', port: 0 });
    const address = closing.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const host = `127.0.0.1:${address.port}`;
    const body = JSON.stringify({ ids: ['no-such-entity'] });
    const socket = connect({ host: '127.0.0.1', port: address.port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    // A first request whose body is still on its way keeps the connection busy while the server closes.
    socket.write(
      `POST /api/graph/connect HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\n` +
        `content-length: ${body.length}\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = closing.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write(`${body}GET /api/health HTTP/1.1\r\nhost: ${host}\r\nconnection: close\r\n\r\n`);
    await ended;
    await closed;
    const answers = Buffer.concat(chunks)
      .toString('utf8')
      .split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
    const second = answers[1]?.split('\r\n\r\n')[1] ?? '';
    expect(ErrorBodySchema.parse(JSON.parse(second)).error.code).toBe('busy');
  });
});

describe('bodies, URLs and headers over the limits', () => {
  it('answers console params nested 2,000 deep with a 400 naming the depth limit', async () => {
    const body = `{"query":"RETURN $p","params":{"p":${nested(2000)}}}`;
    const response = await postJson('/api/cypher', body);
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/deeper than 64 levels/);
    expectSecurityHeaders(response);
  });

  it('counts brackets inside strings as text, not nesting', async () => {
    const body = JSON.stringify({ query: 'RETURN $p AS p', params: { p: '['.repeat(500) } });
    const response = await postJson('/api/cypher', body);
    expect(response.status).toBe(200);
  });

  it('answers a body over 1 MiB with 413 naming the limit', async () => {
    const body = JSON.stringify({ ids: Array.from({ length: 120_000 }, (_, i) => `entity-${i}`) });
    const response = await postJson('/api/graph/connect', body);
    expect(response.status).toBe(413);
    const error = errorOf(response);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('1 MiB');
    expectSecurityHeaders(response);
  });

  it('answers malformed JSON with 400 and another body type with 415', async () => {
    const malformed = await postJson('/api/graph/connect', '{"ids": [');
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).code).toBe('bad_request');
    const xml = await postJson('/api/graph/connect', '<ids/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(errorOf(xml).code).toBe('unsupported_media_type');
    expectSecurityHeaders(xml);
  });

  it('answers a URL over 8,192 characters with 414 naming the limit', async () => {
    const response = await get(`/api/search?q=${'a'.repeat(9000)}`);
    expect(response.status).toBe(414);
    const error = errorOf(response);
    expect(error.code).toBe('uri_too_long');
    expect(error.message).toContain('8192');
    expectSecurityHeaders(response);
  });

  it('answers a path segment over the router limit with 414, but lets a 128-character id reach validation', async () => {
    const long = await get(`/api/entities/${'a'.repeat(300)}`);
    expect(long.status).toBe(414);
    expect(errorOf(long).code).toBe('uri_too_long');
    expectSecurityHeaders(long);
    const longestId = await get(`/api/entities/${'a'.repeat(128)}`);
    expect(longestId.status).toBe(404);
    expect(errorOf(longestId).code).toBe('not_found');
  });

  it('answers a malformed URL with 400, from the router and from the HTTP parser', async () => {
    const escape = await get('/api/entities/%E0%A4%A');
    expect(escape.status).toBe(400);
    expect(errorOf(escape).code).toBe('bad_request');
    expectSecurityHeaders(escape);
    const requestLine = await sendRaw(port, `GET /api/health\x01 HTTP/1.1\r\nhost: ${own()}\r\n\r\n`);
    expect(requestLine.status).toBe(400);
    expect(errorOf(requestLine).code).toBe('bad_request');
    expectSecurityHeaders(requestLine);
  });

  it('answers headers over 16 KiB with 431 and the contract body', async () => {
    const response = await get('/api/health', { 'x-padding': 'a'.repeat(20_000) });
    expect(response.status).toBe(431);
    const error = errorOf(response);
    expect(error.code).toBe('headers_too_large');
    expect(error.message).toContain('16 KiB');
    expectSecurityHeaders(response);
  });
});
