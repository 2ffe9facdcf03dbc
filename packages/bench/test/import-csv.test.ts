import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/generate/generate.ts';
import { type Manifest } from '../src/generate/manifest.ts';
import { writeImportFiles } from '../src/load/offline-load.ts';
import { tempDir } from './support/temp.ts';

/** Data rows per kind or type, over every file the importer is given (`Label=header,data`). */
async function rowsByGroup(values: string[]): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  for (const value of values) {
    const [label, files] = value.includes('=') ? (value.split('=') as [string, string]) : ['', value];
    const [header, data] = files.split(',') as [string, string];
    // Nodes: `Entity:Company=…`; relationships: `…/rel-ITEM.header.csv,…`.
    const group = label ? label.split(':')[1] : /rel-([A-Z_]+)\./.exec(header)?.[1];
    if (!group) throw new Error(`No kind or type in ${value}`);
    const text = await readFile(data, 'utf8');
    rows.set(group, (rows.get(group) ?? 0) + text.split('\n').filter((line) => line.length > 0).length);
    // Each header names the importer's columns first, then typed properties.
    const columns = (await readFile(header, 'utf8')).trim().split(',');
    expect(columns[0]).toBe(label ? 'id:ID' : ':START_ID');
  }
  return rows;
}

describe("the offline importer's CSV files", () => {
  let dataset: string;
  let manifest: Manifest;
  beforeAll(async () => {
    dataset = path.join(await tempDir('bench-csv-'), 'dataset');
    manifest = await generateDataset({ entities: 1_000, seed: 3, out: dataset });
  });

  it('holds every record once, a file per kind and type, with the empty lists set aside', async () => {
    const out = await tempDir('bench-csv-out-');
    const written = await writeImportFiles(dataset, out);
    expect(written.nodes).toHaveLength(Object.keys(manifest.byKind).length);
    const nodes = await rowsByGroup(written.nodes);
    expect(Object.fromEntries(nodes)).toEqual(manifest.byKind);
    const relationships = await rowsByGroup(written.relationships);
    expect(Object.fromEntries(relationships)).toEqual(manifest.byType);
    // Sources cite nothing: their empty sourceIds lists cannot go into CSV and are set afterwards.
    const sources = manifest.byKind.Source ?? 0;
    expect(sources).toBeGreaterThan(0);
    expect(written.fixups.filter((f) => f.group === 'Source' && f.key === 'sourceIds')).toHaveLength(sources);
  });

  it('refuses a bad record, naming its file and line', async () => {
    const broken = path.join(await tempDir('bench-csv-broken-'), 'dataset');
    await generateDataset({ entities: 1_000, seed: 3, out: broken });
    const file = path.join(broken, 'entities.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[6] = JSON.stringify({ ...(JSON.parse(lines[6] as string) as object), kind: 'Spaceship' });
    await writeFile(file, lines.join('\n'));
    await expect(writeImportFiles(broken, await tempDir('bench-csv-out-'))).rejects.toThrow(
      /entities\.jsonl:7: .*kind/s,
    );
  });
});
