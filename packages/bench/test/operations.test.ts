import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../src/measure/http.ts';
import { operations } from '../src/measure/operations.ts';
import type { Probes } from '../src/measure/probes.ts';
import type { RawReader } from '../src/measure/raw-queries.ts';

// What each call asks for, recorded instead of sent: the API's path and body, the raw reader's method and arguments.
const asked: string[] = [];
const record = (what: string) => {
  asked.push(what);
  return Promise.resolve(new ArrayBuffer(0));
};
const api = {
  get: (path: string) => record(`GET ${path}`),
  post: (path: string, body: unknown) => record(`POST ${path} ${JSON.stringify(body)}`),
} as unknown as ApiClient;
const raw = new Proxy(
  {},
  {
    get:
      (_target, method) =>
      (...args: unknown[]) =>
        method === 'exportSubgraph'
          ? record(`raw.${String(method)}`).then(() => ({}))
          : record(`raw.${String(method)} ${JSON.stringify(args)}`),
  },
) as unknown as RawReader;

const probes: Probes = {
  searchTerms: ['Boxing', '金和县公安局', 'Summitpah'],
  ordinary: ['o1', 'o2', 'o3', 'o4', 'o5'],
  hubs: ['h1', 'h2'],
  manufacturers: ['m1', 'm2', 'm3', 'm4'],
  paths: {
    2: [{ from: 'a', to: 'b' }],
    4: [
      { from: 'a', to: 'c' },
      { from: 'd', to: 'e' },
    ],
    6: [
      { from: 'a', to: 'f' },
      { from: 'g', to: 'h' },
      { from: 'i', to: 'j' },
    ],
  },
  exportRequest: { nodeIds: ['o1', 'o2'], hops: 1, nodes: 10, edges: 20, sources: 5 },
  console: [{ id: 'example', query: 'MATCH (n) RETURN n LIMIT 1', params: {} }],
};

async function distinctRequests(call: (i: number) => Promise<void>, calls: number): Promise<string[]> {
  asked.length = 0;
  for (let i = 0; i < calls; i++) await call(i);
  return [...new Set(asked)];
}

describe('measured operations', () => {
  // The warm-up makes each operation's first `inputs` calls; any input it missed would be cold for the
  // API's cell, which runs first, and warm for the raw cell after it.
  it('rotate through exactly `inputs` distinct requests, through the API and raw alike', async () => {
    for (const op of operations(api, raw, probes)) {
      const warmed = await distinctRequests(op.api, op.inputs);
      expect(warmed, op.name).toHaveLength(op.inputs);
      expect(await distinctRequests(op.api, op.inputs * 3), op.name).toEqual(warmed);

      const warmedRaw = await distinctRequests(op.raw, op.inputs);
      expect(warmedRaw, `${op.name} (raw)`).toHaveLength(op.inputs);
      expect(await distinctRequests(op.raw, op.inputs * 3), `${op.name} (raw)`).toEqual(warmedRaw);
    }
  });
});
