import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/decode.ts';
import { normaliseName } from '../../src/import/normalise-name.ts';
import { parseDelimited, UnclosedQuoteError } from '../../src/import/parse-delimited.ts';
import { readProcurementFile } from '../../src/import/read-procurement-file.ts';

const fixture = (name: string) => readFile(new URL(`fixtures/${name}`, import.meta.url));

describe('procurement file reader', () => {
  it('decodes GB18030 with Chinese headers mapped to the template', async () => {
    const file = readProcurementFile('procurements-gb18030.csv', await fixture('procurements-gb18030.csv'));
    expect(file.encoding).toBe('gb18030');
    expect(file.delimiter).toBe(',');
    expect(file.problems).toEqual([]);
    expect(file.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(file.rows[0]?.row).toEqual({
      buyer: '新疆维吾尔自治区公安厅',
      buyer_level: 'provincial',
      buyer_region: '新疆',
      supplier: '乌鲁木齐示例数码科技有限公司',
      manufacturer: '希捷',
      product: '监控硬盘 8TB',
      category: 'data-storage',
      quantity: 120,
      amount: 1234500,
      currency: 'CNY',
      date: '2022-03',
      source_url: 'http://www.ccgp.gov.cn/example/2022/0301.htm',
      source_title: '新疆维吾尔自治区公安厅硬盘采购项目成交公告',
    });
  });

  it('reads a UTF-8 TSV with BOM, quotes, tabs and newlines inside a cell, and warns of unknown columns', async () => {
    const file = readProcurementFile('procurements-bom.tsv', await fixture('procurements-bom.tsv'));
    expect(file.encoding).toBe('utf-8-bom');
    expect(file.delimiter).toBe('\t');
    expect(file.problems).toEqual([
      { severity: 'warning', line: 1, column: 'notes', message: expect.stringContaining('unknown column') as string },
    ]);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]?.row.buyer).toBe('Xinjiang Police College');
    expect(file.rows[0]?.row.quote).toBe('The college bought "two" sequencers\tfor its forensic lab,\nas announced.');
  });

  it('reports every bad row with line, column and reason, and the truncated last line', async () => {
    const file = readProcurementFile('procurements-broken.csv', await fixture('procurements-broken.csv'));
    expect(file.problems.map((p) => [p.severity, p.line, p.column, p.field])).toEqual([
      ['warning', 1, '备注', undefined],
      ['error', 3, '日期', 'date'],
      ['error', 4, '数量', 'quantity'],
      ['error', 5, '供应商', 'supplier'],
      ['error', 6, '金额', 'amount'],
      ['error', 7, undefined, undefined],
    ]);
    const byLine = new Map(file.problems.map((p) => [p.line, p.message]));
    expect(byLine.get(3)).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(byLine.get(4)).toMatch(/must not be negative/);
    expect(byLine.get(5)).toBe('required, but empty');
    expect(byLine.get(6)).toMatch(/must be a number/);
    expect(byLine.get(7)).toMatch(/never closed/);
    // The one good row, with quotes inside its cell, was read correctly.
    expect(file.rows.map((r) => [r.line, r.row.product])).toEqual([[2, '海康威视 "DS-2CD" 摄像机']]);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    const file = readProcurementFile('x.csv', new Uint8Array([0x62, 0x75, 0x79, 0x65, 0x72, 0xff, 0xff, 0x0a]));
    expect(file.problems).toEqual([
      { severity: 'error', line: 1, message: 'the file is neither UTF-8 nor GB18030 text' },
    ]);
  });

  it('decodes plain UTF-8 and parses CRLF, empty cells and multi-line records with their start lines', () => {
    expect(decodeText(new TextEncoder().encode('采购人\n')).encoding).toBe('utf-8');
    expect(parseDelimited('a,b\r\n"x\r\ny",\r\n\r\nz,"w"""\r\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', ''] },
      { line: 5, cells: ['z', 'w"'] },
    ]);
    expect(() => parseDelimited('a\n"b\nc', ',')).toThrow(UnclosedQuoteError);
  });

  it('keeps quotes inside unquoted cells and text after a closing quote, counts lone CR as a line end', () => {
    expect(parseDelimited('12" disk,"a""b"c\td,"",""""\r"x\ry"\rlast', ',')).toEqual([
      { line: 1, cells: ['12" disk', 'a"bc\td', '', '"'] },
      { line: 2, cells: ['x\ry'] },
      { line: 4, cells: ['last'] },
    ]);
    expect(parseDelimited('a\t"b,c"\t"d"e"f\n', '\t')).toEqual([{ line: 1, cells: ['a', 'b,c', 'de"f'] }]);
    // The unclosed quote opens on line 3, in the record that starts on line 2: line 1 was read whole.
    const unclosed = (() => {
      try {
        parseDelimited('a\n"b\nc","d\ne', ',');
      } catch (error) {
        return error;
      }
    })();
    expect(unclosed).toBeInstanceOf(UnclosedQuoteError);
    expect(unclosed).toMatchObject({ line: 3, recordLine: 2 });
  });

  it('normalises names for exact matching only', () => {
    expect(normaliseName('Hangzhou Hikvision Digital Technology Co., Ltd.')).toBe(
      'hangzhou hikvision digital technology',
    );
    expect(normaliseName('ＨＩＫＶＩＳＩＯＮ')).toBe('hikvision');
    expect(normaliseName('浙江大华技术股份有限公司')).toBe('浙江大华技术');
    expect(normaliseName('Thermo Fisher Scientific Inc.')).toBe('thermo fisher scientific');
    expect(normaliseName('Sense Time')).not.toBe(normaliseName('SenseTime'));
  });
});
