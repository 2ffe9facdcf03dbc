import { PROCUREMENT_COLUMNS } from '@explorer/model';
import { describe, expect, it } from 'vitest';
import { readProcurementFile } from '../../../apps/api/src/import/read-procurement-file.ts';
import { procurementCsv } from '../src/generate/procurement-csv.ts';

describe('procurement CSV for the import benchmark', () => {
  const csv = procurementCsv(2_000);

  it('is the same file for the same rows and seed, and another for another seed', () => {
    expect(Buffer.from(procurementCsv(2_000).bytes).equals(Buffer.from(csv.bytes))).toBe(true);
    expect(Buffer.from(procurementCsv(2_000, 7).bytes).equals(Buffer.from(csv.bytes))).toBe(false);
  });

  it('has the template columns and rows the importer reads without a problem', () => {
    const text = new TextDecoder().decode(csv.bytes);
    expect(text.split('\r\n')[0]).toBe(PROCUREMENT_COLUMNS.join(','));
    const file = readProcurementFile(csv.fileName, csv.bytes);
    expect(file.problems).toEqual([]);
    expect(file.rows).toHaveLength(2_000);
  });

  it('names public-security buyers and writes the same firms in several ways', () => {
    const text = new TextDecoder().decode(csv.bytes);
    expect(text).toMatch(/省公安厅/);
    expect(text).toMatch(/County Public Security Bureau/);
    expect(text).toMatch(/有限公司/);
    expect(text).toMatch(/ Co Ltd,/);
    expect(text).toMatch(/Laboratories, Inc\./);
    expect(csv.suppliers).toBe(80);
  });
});
