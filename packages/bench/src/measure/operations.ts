import { LIMITS } from '@explorer/model';
import { type ApiClient, query } from './http.ts';
import { PATH_HOPS, type Probes } from './probes.ts';
import { type RawReader } from './raw-queries.ts';

/** Which issue target an operation's figures are held against. */
export type TargetGroup = 'search' | 'entity' | 'neighbors' | 'paths' | 'trace' | 'console' | 'export';

/** One measured operation: the same request made through the HTTP API and with the bare driver. */
export interface Operation {
  name: string;
  group: TargetGroup;
  api: (i: number) => Promise<void>;
  raw: (i: number) => Promise<void>;
  /** How many distinct inputs it rotates through (i modulo this): the warm-up makes each once. */
  inputs: number;
}

/** The i-th input of a list, round robin, so repeated calls do not all hit one cached answer. */
const nth = <T>(list: readonly T[], i: number): T => {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('no inputs to rotate through');
  return item;
};

/** The later page of a hub's neighbourhood that is measured too. */
const HUB_PAGE = 20;

export function operations(api: ApiClient, raw: RawReader, probes: Probes): Operation[] {
  const { searchTerms, ordinary, hubs, manufacturers } = probes;
  const list: Operation[] = [
    {
      name: 'search',
      group: 'search',
      api: (i) => api.get(`/api/search?${query({ q: nth(searchTerms, i) })}`).then(() => {}),
      raw: (i) => raw.search(nth(searchTerms, i)),
      inputs: searchTerms.length,
    },
    {
      name: 'entity',
      group: 'entity',
      api: (i) => api.get(`/api/entities/${nth(ordinary, i)}`).then(() => {}),
      raw: (i) => raw.entity(nth(ordinary, i)),
      inputs: ordinary.length,
    },
    {
      name: 'entity (hub)',
      group: 'entity',
      api: (i) => api.get(`/api/entities/${nth(hubs, i)}`).then(() => {}),
      raw: (i) => raw.entity(nth(hubs, i)),
      inputs: hubs.length,
    },
    {
      name: 'neighbors',
      group: 'neighbors',
      api: (i) => api.get(`/api/entities/${nth(ordinary, i)}/neighbors`).then(() => {}),
      raw: (i) => raw.neighbors(nth(ordinary, i)),
      inputs: ordinary.length,
    },
    {
      name: 'neighbors (hub)',
      group: 'neighbors',
      api: (i) => api.get(`/api/entities/${nth(hubs, i)}/neighbors`).then(() => {}),
      raw: (i) => raw.neighbors(nth(hubs, i)),
      inputs: hubs.length,
    },
    {
      // A later page of a hub: what paging costs once the first pages are behind.
      name: `neighbors (hub, page ${HUB_PAGE})`,
      group: 'neighbors',
      api: (i) =>
        api
          .get(`/api/entities/${nth(hubs, i)}/neighbors?${query({ cursor: (HUB_PAGE - 1) * LIMITS.neighborsDefault })}`)
          .then(() => {}),
      raw: (i) => raw.neighbors(nth(hubs, i), (HUB_PAGE - 1) * LIMITS.neighborsDefault),
      inputs: hubs.length,
    },
  ];
  for (const hops of PATH_HOPS) {
    const pairs = probes.paths[hops];
    list.push({
      name: `paths ${hops} hops`,
      group: 'paths',
      api: (i) => {
        const { from, to } = nth(pairs, i);
        return api.get(`/api/paths?${query({ from, to, maxHops: hops })}`).then(() => {});
      },
      raw: (i) => {
        const { from, to } = nth(pairs, i);
        return raw.paths(from, to, hops).then(() => {});
      },
      inputs: pairs.length,
    });
  }
  list.push({
    name: 'trace',
    group: 'trace',
    api: (i) => api.get(`/api/trace?${query({ from: nth(manufacturers, i), direction: 'downstream' })}`).then(() => {}),
    raw: (i) => raw.trace(nth(manufacturers, i)).then(() => {}),
    inputs: manufacturers.length,
  });
  for (const example of probes.console) {
    list.push({
      name: `console: ${example.id}`,
      group: 'console',
      api: () => api.post('/api/cypher', { query: example.query, params: example.params }).then(() => {}),
      raw: () => raw.cypher(example.query, example.params),
      inputs: 1,
    });
  }
  const { nodeIds, hops } = probes.exportRequest;
  list.push({
    name: 'export',
    group: 'export',
    api: () => api.post('/api/export', { format: 'json', nodeIds, hops }).then(() => {}),
    raw: () =>
      raw.exportSubgraph(nodeIds, hops).then((s) => {
        if (!s) throw new Error('export over the node cap');
      }),
    inputs: 1,
  });
  return list;
}

/** The mixed browse load: what readers of the explorer do most, weighted. */
export function browseMix(api: ApiClient, probes: Probes): (i: number) => Promise<void> {
  const { searchTerms, ordinary, hubs, manufacturers } = probes;
  const pairs = probes.paths[4];
  // Weights out of 20: search 7, entity 5, neighbors 4 (+1 hub), paths 2, trace 1.
  const plan: Array<(i: number) => Promise<unknown>> = [
    ...Array<(i: number) => Promise<unknown>>(7).fill((i) =>
      api.get(`/api/search?${query({ q: nth(searchTerms, i) })}`),
    ),
    ...Array<(i: number) => Promise<unknown>>(5).fill((i) => api.get(`/api/entities/${nth(ordinary, i)}`)),
    ...Array<(i: number) => Promise<unknown>>(4).fill((i) => api.get(`/api/entities/${nth(ordinary, i)}/neighbors`)),
    (i) => api.get(`/api/entities/${nth(hubs, i)}/neighbors`),
    ...Array<(i: number) => Promise<unknown>>(2).fill((i) => {
      const { from, to } = nth(pairs, i);
      return api.get(`/api/paths?${query({ from, to, maxHops: 4 })}`);
    }),
    (i) => api.get(`/api/trace?${query({ from: nth(manufacturers, i) })}`),
  ];
  // A fixed shuffle of the mix: consecutive requests differ, runs repeat exactly.
  return (i) => nth(plan, (i * 7) % plan.length)(Math.floor(i / plan.length)).then(() => {});
}
