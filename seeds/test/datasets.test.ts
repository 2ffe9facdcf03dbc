import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InvalidDatasetError, datasetDir, readDataset, readShippedDataset } from '../src/index.ts';

describe('report-2022 (real data)', () => {
  it('is valid against the model and holds no synthetic record', async () => {
    const dataset = await readShippedDataset('report-2022');
    expect(dataset.meta.synthetic).toBe(false);
    expect(dataset.entities.some((e) => e.synthetic)).toBe(false);
    expect(dataset.relationships.some((r) => r.synthetic)).toBe(false);
  });

  it('cites a Source with a URL for every relationship', async () => {
    const dataset = await readShippedDataset('report-2022');
    const sources = new Map(dataset.entities.filter((e) => e.kind === 'Source').map((s) => [s.id, s]));
    for (const rel of dataset.relationships) {
      expect(rel.sourceIds.length, rel.id).toBeGreaterThan(0);
      for (const id of rel.sourceIds) {
        const source = sources.get(id);
        expect(source, `${rel.id} cites ${id}`).toBeDefined();
        expect(source && 'url' in source && source.url, `${id} has a url`).toBeTruthy();
      }
    }
  });

  it('holds the channels the article names', async () => {
    const { relationships } = await readShippedDataset('report-2022');
    const has = (type: string, source: string, target: string) =>
      relationships.some((r) => r.type === type && r.source === source && r.target === target);
    expect(has('SUPPLIED', 'seagate', 'hikvision')).toBe(true);
    expect(has('SUPPLIED', 'western-digital', 'hikvision')).toBe(true);
    expect(has('OWNS', 'hpe', 'h3c')).toBe(true);
    expect(has('ACQUIRED', 'dahua', 'lorex')).toBe(true);
    expect(relationships.some((r) => r.type === 'EXHIBITED_AT' && r.source === 'seagate')).toBe(true);
    const listedIn = (date: string) => relationships.filter((r) => r.type === 'LISTED_ON' && r.from === date).length;
    expect(listedIn('2019-10-09')).toBeGreaterThanOrEqual(12);
    expect(listedIn('2020-06-05')).toBeGreaterThanOrEqual(9);
  });

  it('names no unverified bureau: the 17 other subordinate bureaus are one group', async () => {
    const { entities } = await readShippedDataset('report-2022');
    const group = entities.find((e) => e.group && e.memberCount === 17);
    expect(group?.kind).toBe('PublicSecurityBody');
  });
});

describe('demo (fictional data)', () => {
  it('is valid, wholly synthetic and says so in every name', async () => {
    const dataset = await readShippedDataset('demo');
    expect(dataset.meta.synthetic).toBe(true);
    expect(dataset.entities.every((e) => e.synthetic && e.id.startsWith('demo-'))).toBe(true);
    expect(dataset.entities.every((e) => /fictional|demo/i.test(e.name))).toBe(true);
  });

  it('shares no id with the real dataset', async () => {
    const real = new Set((await readShippedDataset('report-2022')).entities.map((e) => e.id));
    const demo = await readShippedDataset('demo');
    expect(demo.entities.filter((e) => real.has(e.id))).toEqual([]);
  });
});

describe('reading a broken dataset', () => {
  async function brokenCopy(edit: (entities: Array<Record<string, unknown>>) => void): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'seeds-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const dir = path.join(root, 'broken');
    await cp(datasetDir('demo'), dir, { recursive: true });
    const file = path.join(dir, 'entities.json');
    const entities = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
    edit(entities);
    await writeFile(file, JSON.stringify(entities));
    return dir;
  }

  it('lists every bad record with its file, record id and field', async () => {
    const dir = await brokenCopy((entities) => {
      entities[0] = { ...entities[0], country: 'Atlantis' };
      entities[1] = { ...entities[1], kind: 'Spaceship' };
    });
    const error = (await readDataset(dir).catch((e: unknown) => e)) as InvalidDatasetError;
    expect(error).toBeInstanceOf(InvalidDatasetError);
    expect(error.problems.map((p) => `${p.file}:${p.field}`)).toEqual(['entities.json:country', 'entities.json:kind']);
    expect(error.message).toContain('entities.json');
  });

  it('refuses a file that is not JSON', async () => {
    const dir = await brokenCopy(() => {});
    await writeFile(path.join(dir, 'relationships.json'), '[{"id": ');
    await expect(readDataset(dir)).rejects.toThrow(/relationships\.json.*not valid JSON/s);
  });
});
