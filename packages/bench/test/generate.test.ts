import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RELATIONSHIP_TYPES } from '@explorer/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGeneratedDataset, readJsonLines, readNumberedJsonLines } from '../src/generate/check.ts';
import { generateDataset } from '../src/generate/generate.ts';
import { type Manifest } from '../src/generate/manifest.ts';
import { tempDir } from './support/temp.ts';

const ENTITIES = 4_000;

const digest = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
const digests = async (dir: string) =>
  Promise.all(['entities.jsonl', 'relationships.jsonl', 'manifest.json'].map((f) => digest(path.join(dir, f))));

describe('generator', () => {
  let first: string;
  let manifest: Manifest;
  beforeAll(async () => {
    first = await tempDir('bench-gen-a-');
    manifest = await generateDataset({ entities: ENTITIES, seed: 42, out: first });
  });

  it('writes byte-identical files for the same seed, and different ones for another seed', async () => {
    const again = await tempDir('bench-gen-b-');
    await generateDataset({ entities: ENTITIES, seed: 42, out: again });
    expect(await digests(again)).toEqual(await digests(first));

    const other = await tempDir('bench-gen-c-');
    await generateDataset({ entities: ENTITIES, seed: 43, out: other });
    const [entitiesA, relationshipsA] = await digests(first);
    const [entitiesC, relationshipsC] = await digests(other);
    expect(entitiesC).not.toBe(entitiesA);
    expect(relationshipsC).not.toBe(relationshipsA);
  });

  it('writes every record valid under the model, endpoints of allowed kinds, all synthetic', async () => {
    const { issues } = await checkGeneratedDataset(first);
    expect(issues.slice(0, 10)).toEqual([]);
    expect(manifest.entities).toBe(ENTITIES);
    expect(manifest.meta.synthetic).toBe(true);
    // About five relationships per entity, and every type of the model in use.
    expect(manifest.relationships / manifest.entities).toBeGreaterThan(4.5);
    expect(manifest.relationships / manifest.entities).toBeLessThan(5.5);
    expect(Object.keys(manifest.byType).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });

  it('uses gen- ids and cites a synthetic Source from every relationship', async () => {
    const sources = new Set<string>();
    for await (const raw of readJsonLines(path.join(first, 'entities.jsonl'))) {
      const e = raw as { id: string; kind: string; name: string; publisher?: string };
      expect(e.id).toMatch(/^gen-/);
      if (e.kind === 'Source') {
        expect(e.name).toMatch(/^SYNTHETIC /);
        sources.add(e.id);
      }
    }
    let relationships = 0;
    for await (const raw of readJsonLines(path.join(first, 'relationships.jsonl'))) {
      const r = raw as { id: string; sourceIds: string[] };
      expect(r.id).toMatch(/^gen-/);
      expect(r.sourceIds.length).toBeGreaterThan(0);
      for (const s of r.sourceIds) expect(sources.has(s)).toBe(true);
      relationships++;
    }
    expect(relationships).toBe(manifest.relationships);
  });

  it('has a heavy-tailed degree distribution: a few hubs, most entities with a handful of links', async () => {
    const degree = new Map<string, number>();
    for await (const raw of readJsonLines(path.join(first, 'relationships.jsonl'))) {
      const r = raw as { source: string; target: string };
      degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
      degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
    }
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const top = sorted[0] ?? 0;
    expect(median).toBeLessThanOrEqual(10);
    expect(top).toBeGreaterThan(30 * median);
    // The hubs the benchmark asks for really are hubs.
    for (const hub of manifest.probes.hubs) expect(degree.get(hub) ?? 0).toBeGreaterThan(10 * median);
    for (const ordinary of manifest.probes.ordinary) expect(degree.get(ordinary) ?? 0).toBeLessThan(30);
  });
});

describe('JSON-lines reading', () => {
  it('numbers each record by its line in the file, blank lines skipped but counted', async () => {
    const file = path.join(await tempDir('bench-jsonl-'), 'records.jsonl');
    await writeFile(file, '{"a":1}\n\n{"b":2}\r\n{"c":3}\n');
    const numbered: Array<[number, unknown]> = [];
    for await (const entry of readNumberedJsonLines(file)) numbered.push(entry);
    expect(numbered).toEqual([
      [1, { a: 1 }],
      [3, { b: 2 }],
      [4, { c: 3 }],
    ]);
  });
});
