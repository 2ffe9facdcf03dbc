import { describe, expect, it } from 'vitest';
import { ApiError, errorKind } from '../src/measure/http.ts';
import { runOpenLoop } from '../src/measure/open-loop.ts';

describe('the open-loop load', () => {
  it('counts failures by kind and keeps the first few messages', async () => {
    const result = await runOpenLoop(
      async (i) => {
        if (i % 4 === 1) throw new ApiError('GET /api/search?q=x → 503: busy', 503, 'GET /api/search');
        if (i % 4 === 2) throw new Error('fetch failed', { cause: { code: 'ECONNRESET' } });
      },
      200,
      0.1,
      undefined,
      errorKind,
    );
    expect(result.sent).toBe(20);
    expect(result.errors).toBe(10);
    expect(result.errorKinds).toEqual({ 'GET /api/search → 503': 5, 'fetch failed: ECONNRESET': 5 });
    expect(result.errorSamples).toEqual([
      'GET /api/search?q=x → 503: busy',
      'fetch failed',
      'GET /api/search?q=x → 503: busy',
      'fetch failed',
      'GET /api/search?q=x → 503: busy',
    ]);
  });

  it('does not send more than the outstanding cap, and says so', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const running = runOpenLoop(() => held, 200, 0.1, 5);
    // Sending takes 0.1 s; the held requests answer well after it has ended.
    setTimeout(release, 1_000);
    const result = await running;
    expect(result.errorKinds).toEqual({ 'not sent: 5 requests already outstanding': 15 });
    expect(result.n).toBe(5);
  });
});
