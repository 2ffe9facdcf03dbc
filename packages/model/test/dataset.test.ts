import { describe, expect, it } from 'vitest';
import { DatasetSchema, checkDatasetConsistency, type Dataset } from '../src/index.ts';

function dataset(
  overrides: Partial<{ synthetic: boolean; entities: unknown[]; relationships: unknown[] }> = {},
): Dataset {
  return DatasetSchema.parse({
    meta: { name: 'test', title: 'Test', description: 'A test dataset.', synthetic: overrides.synthetic ?? false },
    entities: overrides.entities ?? [
      { id: 'S1', kind: 'Source', name: 'A report' },
      { id: 'maker', kind: 'Company', name: 'Maker' },
      { id: 'drive', kind: 'Product', name: 'Drive' },
    ],
    relationships: overrides.relationships ?? [
      { id: 'r1', type: 'MANUFACTURES', source: 'maker', target: 'drive', sourceIds: ['S1'] },
    ],
  });
}

describe('dataset consistency', () => {
  it('accepts a consistent dataset', () => {
    expect(checkDatasetConsistency(dataset())).toEqual([]);
  });

  it('reports endpoints that are missing or of a kind the type does not allow', () => {
    const issues = checkDatasetConsistency(
      dataset({
        relationships: [
          { id: 'r1', type: 'MANUFACTURES', source: 'drive', target: 'maker', sourceIds: ['S1'] },
          { id: 'r2', type: 'SUPPLIED', source: 'maker', target: 'ghost', sourceIds: ['S1'] },
        ],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        recordId: 'r1',
        field: 'source',
        message: expect.stringContaining('cannot start at a Product'),
      }),
      expect.objectContaining({ recordId: 'r1', field: 'target' }),
      expect.objectContaining({ recordId: 'r2', field: 'target', message: 'unknown entity "ghost"' }),
    ]);
  });

  it('reports citations that are not Source entities', () => {
    const issues = checkDatasetConsistency(
      dataset({
        relationships: [{ id: 'r1', type: 'MANUFACTURES', source: 'maker', target: 'drive', sourceIds: ['maker'] }],
      }),
    );
    expect(issues).toEqual([expect.objectContaining({ recordId: 'r1', field: 'sourceIds' })]);
  });

  it('never mixes real and synthetic records', () => {
    const issues = checkDatasetConsistency(
      dataset({
        entities: [
          { id: 'S1', kind: 'Source', name: 'A report' },
          { id: 'maker', kind: 'Company', name: 'Maker', synthetic: true },
          { id: 'drive', kind: 'Product', name: 'Drive' },
        ],
      }),
    );
    expect(issues.map((i) => `${i.recordId}.${i.field}`)).toEqual(['maker.synthetic', 'r1.source']);
  });

  it('reports duplicate ids', () => {
    const issues = checkDatasetConsistency(
      dataset({
        entities: [
          { id: 'S1', kind: 'Source', name: 'A report' },
          { id: 'maker', kind: 'Company', name: 'Maker' },
          { id: 'maker', kind: 'Company', name: 'Maker again' },
          { id: 'drive', kind: 'Product', name: 'Drive' },
        ],
      }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ recordId: 'maker', field: 'id' }));
  });
});
