import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatasetSchema, type Dataset } from '@explorer/model';
import { InvalidDatasetError, datasetDir, readDataset, readShippedDataset } from '@explorer/seeds';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isEmpty, loadDataset, SeedConflictError } from '../src/seed/load-dataset.ts';
import { useTestApp } from './support/context.ts';
import { graphChecksum } from './support/stack.ts';

// The only test file that writes: its tests run one after another, and every write is either
// idempotent or rolled back, so the read-only tests running beside it see the same graph.
const { db } = useTestApp();

async function entityExists(id: string): Promise<boolean> {
  const { records } = await db().driver.executeQuery('MATCH (n:Entity {id: $id}) RETURN count(n) AS n', { id });
  return Number(records[0]?.get('n')) > 0;
}

/** A small real (non-synthetic) dataset; the schema fills every default. */
function testDataset(name: string, entities: unknown[], relationships: unknown[] = []): Dataset {
  return DatasetSchema.parse({
    meta: { name, title: name, description: `Test dataset ${name}.`, synthetic: false },
    entities,
    relationships,
  });
}

describe('seed loader', () => {
  it('loads report-2022 idempotently: a second run changes nothing', async () => {
    expect(await isEmpty(db())).toBe(false);
    const before = await graphChecksum(db());
    const result = await loadDataset(db(), await readShippedDataset('report-2022'));
    expect(result.nodesCreated).toBe(0);
    expect(result.relationshipsCreated).toBe(0);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('refuses an invalid file naming file, record and field, before writing anything', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'bad-seed-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const dir = path.join(root, 'broken');
    await cp(datasetDir('demo'), dir, { recursive: true });
    const relationships = JSON.parse(await readFile(path.join(dir, 'relationships.json'), 'utf8')) as Array<
      Record<string, unknown>
    >;
    relationships[0] = { ...relationships[0], sourceIds: [] };
    await writeFile(path.join(dir, 'relationships.json'), JSON.stringify(relationships));

    const error = await readDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDatasetError);
    const problem = (error as InvalidDatasetError).problems[0];
    expect(problem).toMatchObject({
      file: 'relationships.json',
      record: String(relationships[0]?.['id']),
      field: 'sourceIds',
    });
  });

  it('rolls back the whole load when a record clashes with the database', async () => {
    const before = await graphChecksum(db());
    const clash = testDataset('clash', [
      { id: 'fresh-entity', kind: 'Company', name: 'Fresh' },
      { id: 'seagate', kind: 'Product', name: 'Seagate as a product' },
    ]);
    await expect(loadDataset(db(), clash)).rejects.toBeInstanceOf(SeedConflictError);
    expect(await entityExists('fresh-entity')).toBe(false);
    expect(await graphChecksum(db())).toBe(before);
  });

  it('writes nothing when a relationship fails after the entities were written', async () => {
    const before = await graphChecksum(db());
    const broken = testDataset(
      'broken',
      [{ id: 'half-written', kind: 'Company', name: 'Half written' }],
      [{ id: 'rel-to-nowhere', type: 'SUPPLIED', source: 'half-written', target: 'does-not-exist', sourceIds: ['S1'] }],
    );
    await expect(loadDataset(db(), broken)).rejects.toThrow(/not in the database/);
    expect(await entityExists('half-written')).toBe(false);
    expect(await graphChecksum(db())).toBe(before);
  });
});
