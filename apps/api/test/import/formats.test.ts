import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { previewFile } from '../../src/import/preview-import.ts';
import { readFtmFile } from '../../src/import/read-ftm.ts';
import { detectKind } from '../../src/import/read-import-file.ts';
import { readProcurementFile } from '../../src/import/read-procurement-file.ts';
import { readRecordsFile } from '../../src/import/read-records.ts';
import { excelSerialToDate, isDateFormatCode, readXlsxRows } from '../../src/import/read-xlsx.ts';
import { registryId } from '../../src/import/plan-ftm.ts';
import { buildXlsx, procurementXlsx, si } from './support/xlsx.ts';

const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url));

describe('XLSX reader', () => {
  it('reads the first worksheet: shared, rich and inline strings, numbers, booleans, dates, formula text', () => {
    const rows = readXlsxRows(procurementXlsx());
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(rows[0]?.cells).toEqual(['采购人', '供应商', '产品名称', '数量', '金额', '日期', '采购人级别', '备注']);
    // The phonetic guide is not part of the text; the two runs are.
    expect(rows[1]?.cells).toEqual([
      '新疆维吾尔自治区公安厅',
      '乌鲁木齐示例数码科技有限公司',
      '监控硬盘 8TB',
      '120',
      '1234500.5',
      '2022-03-01',
      '省级',
      'true',
    ]);
    expect(rows[2]?.cells).toEqual(['喀什地区公安局', 'Seagate Technology LLC', '硬盘', '2', '', '2022-04-01']);
  });

  it('validates XLSX rows as CSV rows are, with spreadsheet row numbers as lines', () => {
    const file = readProcurementFile('采购.xlsx', procurementXlsx());
    expect(file).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, rowCount: 3, fatal: false });
    expect(file.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(file.rows[0]?.row).toEqual({
      buyer: '新疆维吾尔自治区公安厅',
      buyer_level: 'provincial',
      supplier: '乌鲁木齐示例数码科技有限公司',
      product: '监控硬盘 8TB',
      quantity: 120,
      amount: 1234500.5,
      currency: 'CNY',
      date: '2022-03-01',
    });
    expect(file.problems.map((p) => [p.severity, p.line, p.column, p.field])).toEqual([
      ['warning', 1, '备注', undefined],
      ['error', 5, '数量', 'quantity'],
    ]);
  });

  it('is detected by its zip signature whatever the file is called, and refuses a broken workbook', () => {
    expect(detectKind('export.csv', procurementXlsx())).toBe('procurement');
    expect(readProcurementFile('export.csv', procurementXlsx()).format).toBe('xlsx');
    const broken = readProcurementFile('broken.xlsx', new TextEncoder().encode('buyer,supplier,product\n'));
    expect(broken.fatal).toBe(true);
    expect(broken.problems[0]?.message).toMatch(/not a readable XLSX/);
    const malformed = readProcurementFile('bad.xlsx', buildXlsx('<row r="1"><c r="A1"><v>1</c></row>', []));
    expect(malformed.problems[0]?.message).toMatch(/sheet1\.xml is not well-formed XML/);
    const xls = readProcurementFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(xls.problems[0]?.message).toMatch(/old binary Excel workbook/);
  });

  it('turns Excel day numbers into dates (1900 and 1904 systems) and knows date formats', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(44621.75)).toBe('2022-03-01');
    expect(excelSerialToDate(0, true)).toBe('1904-01-01');
    expect(isDateFormatCode('yyyy\\-mm\\-dd;@')).toBe(true);
    expect(isDateFormatCode('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormatCode('#,##0.00')).toBe(false);
    expect(isDateFormatCode('"¥"#,##0')).toBe(false);
    const sheet = '<row r="1"><c r="A1" s="1"><v>0</v></c></row>';
    expect(readXlsxRows(buildXlsx(sheet, [si('x')], { date1904: true }))[0]?.cells).toEqual(['1904-01-01']);
  });
});

describe('column mapping', () => {
  const csv = new TextEncoder().encode('单位,厂商,货品,备注,数量\n某市公安局,示例公司,硬盘,旁注,3\n');

  it('maps headers the aliases do not know, and ignores mapped-out columns without a warning', () => {
    const plain = readProcurementFile('x.csv', csv);
    expect(plain.fatal).toBe(true);
    const file = readProcurementFile('x.csv', csv, {
      mapping: { 单位: 'buyer', 厂商: 'supplier', 货品: 'product', 备注: null },
    });
    expect(file.problems).toEqual([]);
    expect(file.rows[0]?.row).toEqual({ buyer: '某市公安局', supplier: '示例公司', product: '硬盘', quantity: 3 });
    expect(file.headers).toEqual([
      { header: '单位', column: 'buyer' },
      { header: '厂商', column: 'supplier' },
      { header: '货品', column: 'product' },
      { header: '备注', column: undefined },
      { header: '数量', column: 'quantity' },
    ]);
  });

  it('overrides a built-in alias', () => {
    const file = readProcurementFile('x.csv', new TextEncoder().encode('采购人,供应商,产品,品牌\nA局,B公司,C,D\n'), {
      mapping: { 品牌: null },
    });
    expect(file.rows[0]?.row).toEqual({ buyer: 'A局', supplier: 'B公司', product: 'C' });
  });

  it('shows in a preview which column each header feeds and the first rows as written', () => {
    const preview = previewFile('x.csv', csv, { 单位: 'buyer', 厂商: 'supplier', 货品: 'product' });
    expect(preview).toMatchObject({ format: 'csv', encoding: 'utf-8', rowCount: 1 });
    expect(preview.headers[3]).toEqual({ header: '备注', column: null });
    expect(preview.sample).toEqual([
      { line: 2, values: { buyer: '某市公安局', supplier: '示例公司', product: '硬盘', quantity: '3' }, problems: [] },
    ]);
    expect(preview.problems.map((p) => [p.severity, p.column])).toEqual([['warning', '备注']]);
  });
});

describe('JSON-lines readers', () => {
  it('detects model records and FtM entities by content', async () => {
    expect(detectKind('data.jsonl', await fixture('records.jsonl'))).toBe('jsonl');
    expect(detectKind('data.jsonl', await fixture('entity-list.ftm.json'))).toBe('ftm');
    expect(detectKind('entities.json', await fixture('entity-list.ftm.json'))).toBe('ftm');
  });

  it('reads model records, skipping blank lines', async () => {
    const file = readRecordsFile('records.jsonl', await fixture('records.jsonl'));
    expect(file.problems).toEqual([]);
    expect(file.entities.map((e) => [e.line, e.record.kind, e.record.id])).toEqual([
      [1, 'Source', 'src-example-report'],
      [2, 'Company', 'example-distributor'],
      [6, 'Company', 'hikvision'],
    ]);
    expect(file.relationships.map((r) => [r.line, r.record.type])).toEqual([
      [4, 'DISTRIBUTES_FOR'],
      [5, 'LISTED_ON'],
    ]);
  });

  it('reports each bad record with its line and field', async () => {
    const file = readRecordsFile('records-broken.jsonl', await fixture('records-broken.jsonl'));
    expect(file.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'roles.0'],
      [7, undefined],
      [8, undefined],
      [9, 'citation'],
    ]);
    expect(file.problems[1]?.message).toMatch(/neither an entity record/);
    expect(file.problems[2]?.message).toMatch(/not valid JSON/);
  });

  it('reads FtM entities and refuses nested or id-less ones', async () => {
    const file = readFtmFile('entity-list.ftm.json', await fixture('entity-list.ftm.json'));
    expect(file.problems).toEqual([]);
    expect(file.entities).toHaveLength(13);
    const broken = readFtmFile('broken.ftm.json', await fixture('entity-list-broken.ftm.json'));
    expect(broken.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'properties.addressEntity.0'],
      [6, 'id'],
      [7, undefined],
    ]);
  });

  it('turns FtM identifiers into registry ids', () => {
    expect(registryId('registrationNumber', '91330000733796106P')).toBe('USCC:91330000733796106P');
    expect(registryId('registrationNumber', 'SZSE:002415')).toBe('SZSE:002415');
    expect(registryId('registrationNumber', 'HRB 1234')).toBe('REG:HRB1234');
    expect(registryId('innCode', '7701234567')).toBe('INN:7701234567');
    expect(registryId('ogrnCode', '1027700132195')).toBe('OGRN:1027700132195');
  });
});
