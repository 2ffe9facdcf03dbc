import { CONSOLE_EXAMPLES, EXPORT_LIMITS, HUB_RELATIONSHIP_TYPES } from '@explorer/model';
import { type Manifest } from '../generate/manifest.ts';
import { entityId, planDataset } from '../generate/plan.ts';
import { Random } from '../generate/random.ts';
import { type RawReader } from './raw-queries.ts';

export const PATH_HOPS = [2, 4, 6] as const;
export type PathHops = (typeof PATH_HOPS)[number];

/** The console examples measured, with their parameters pointed at the generated data. */
export const CONSOLE_EXAMPLE_IDS = [
  'us-suppliers-of-listed-companies',
  'data-storage-buyers-by-year',
  'us-targets-acquired-by-chinese-firms',
] as const;

export interface ConsoleProbe {
  id: string;
  query: string;
  params: Record<string, string | number>;
}

/** Everything the measured requests ask for, chosen once per run from the loaded graph. */
export interface Probes {
  searchTerms: string[];
  ordinary: string[];
  hubs: string[];
  manufacturers: string[];
  paths: Record<PathHops, Array<{ from: string; to: string }>>;
  exportRequest: { nodeIds: string[]; hops: number; nodes: number; edges: number; sources: number };
  console: ConsoleProbe[];
}

/** Target about this many elements (nodes + edges + cited sources) in the measured export. */
export const EXPORT_TARGET_ELEMENTS = 10_000;

/** Walks `hops` steps from `start` through nodes that are not hubs, never back; the end is ≤ hops away. */
async function walk(raw: RawReader, start: string, hops: number, random: Random): Promise<string | null> {
  const seen = new Set([start]);
  let at = start;
  for (let step = 0; step < hops; step++) {
    const records = await raw.read(
      `MATCH (a:Entity {id: $id})-[r]-(b:Entity)
       WHERE NOT type(r) IN $hubTypes AND NOT b.id IN $seen AND COUNT { (b)--() } <= 60
       RETURN DISTINCT b.id AS id ORDER BY id LIMIT 200`,
      { id: at, hubTypes: HUB_RELATIONSHIP_TYPES, seen: [...seen] },
    );
    if (records.length === 0) return null;
    at = String(records[random.int(records.length)]?.get('id'));
    seen.add(at);
  }
  return at;
}

/**
 * Seeds for the export: Chinese firms from the quiet end of their range, as many as bring the 1-hop
 * export nearest `target` elements without passing the export's node cap.
 */
async function chooseExport(raw: RawReader, manifest: Manifest, target: number): Promise<Probes['exportRequest']> {
  const plan = planDataset(manifest.entities);
  const last = plan.companies.us + plan.companies.subsidiaries + plan.companies.chinese - 1;
  const seeds = (n: number) => Array.from({ length: n }, (_, k) => entityId('Company', last - k));
  const size = async (n: number) => {
    const s = await raw.exportSubgraph(seeds(n), 1);
    return s && { n, ...s, elements: s.nodes + s.edges + s.sources };
  };
  let best = await size(1);
  if (!best) throw new Error('cannot export even one entity');
  let low = 1;
  let high = 0;
  // Double until past the target (or the caps), then bisect back towards it.
  for (let n = 2; n <= Math.min(EXPORT_LIMITS.nodeIdsMax, plan.companies.chinese); n *= 2) {
    const s = await size(n);
    if (!s || s.elements > target) {
      high = n;
      break;
    }
    best = s;
    low = n;
  }
  for (let step = 0; step < 5 && high > low + 1; step++) {
    const mid = Math.floor((low + high) / 2);
    const s = await size(mid);
    if (!s || s.elements > target) high = mid;
    else {
      best = s;
      low = mid;
    }
  }
  return { nodeIds: seeds(best.n), hops: 1, nodes: best.nodes, edges: best.edges, sources: best.sources };
}

export async function chooseProbes(
  raw: RawReader,
  manifest: Manifest,
  exportElements = EXPORT_TARGET_ELEMENTS,
): Promise<Probes> {
  const random = new Random(manifest.seed);
  const paths = {} as Probes['paths'];
  for (const hops of PATH_HOPS) {
    paths[hops] = [];
    for (const from of manifest.probes.ordinary.slice(0, 5)) {
      const to = await walk(raw, from, hops, random);
      if (to) paths[hops].push({ from, to });
    }
    if (paths[hops].length === 0) throw new Error(`found no ${hops}-hop walk from the ordinary probes`);
  }
  const listed = await raw.read(
    `MATCH (l:ControlList)<-[:LISTED_ON]-() RETURN l.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1`,
  );
  const listId = String(listed[0]?.get('id') ?? entityId('ControlList', 0));
  const consoleProbes = CONSOLE_EXAMPLE_IDS.map((id) => {
    const example = CONSOLE_EXAMPLES.find((e) => e.id === id);
    if (!example) throw new Error(`console example ${id} is gone from packages/model`);
    // Same query text; the one parameter that names a real-data id points at the generated list.
    const params = { ...example.params };
    if ('list' in params) params['list'] = listId;
    return { id, query: example.query, params };
  });
  return {
    searchTerms: manifest.probes.searchTerms,
    ordinary: manifest.probes.ordinary,
    hubs: manifest.probes.hubs,
    manufacturers: manifest.probes.manufacturers,
    paths,
    exportRequest: await chooseExport(raw, manifest, exportElements),
    console: consoleProbes,
  };
}
