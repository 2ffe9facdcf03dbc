import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { DelimitedRecord } from './parse-delimited.ts';

/** The file is not a readable XLSX workbook (not a zip, no worksheet, malformed XML). */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** A zip archive (XLSX is one) starts with a local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30, plus the CJK-locale ids Excel and WPS use). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format shows a date when it has date or time tokens outside quotes, escapes and [colour] blocks. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's day number → YYYY-MM-DD. 1900 system: day 1 is 1900-01-01 and day 60 the phantom 1900-02-29. */
export function excelSerialToDate(serial: number, date1904 = false): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

/** Local name of an element or attribute, whatever namespace prefix the writer used (`x:c` → `c`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

function parseXml(
  xml: string,
  part: string,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw new XlsxError(`${part} is not well-formed XML: ${e.message}`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open({ ...tag, name: local(tag.name) } as SaxesTagPlain));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.write(xml).close();
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
};

/** Zero-based column of a cell reference ("B12" → 1). */
function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref.toUpperCase()) {
    if (ch < 'A' || ch > 'Z') break;
    index = index * 26 + (ch.charCodeAt(0) - 64);
  }
  return index - 1;
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  parseXml(xml, 'xl/sharedStrings.xml', {
    open: (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't') inText = true;
    },
    close: (name) => {
      if (name === 'si') strings.push(current);
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    // Phonetic guides (rPh) are reading aids, not part of the cell's text.
    text: (text) => {
      if (inText && phonetic === 0) current += text;
    },
  });
  return strings;
}

/** For each cell style index: whether its number format shows a date. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(xml, 'xl/styles.xml', {
    open: (tag) => {
      if (tag.name === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) {
        const id = Number(attr(tag, 'numFmtId') ?? 0);
        const code = custom.get(id);
        styles.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** The first worksheet's part name, through the workbook and its relationships. */
function firstSheetPart(files: Record<string, Uint8Array>): { part: string; date1904: boolean } {
  const workbook = files['xl/workbook.xml'];
  if (!workbook) throw new XlsxError('not an XLSX workbook (xl/workbook.xml is missing)');
  let relId: string | undefined;
  let date1904 = false;
  parseXml(strFromU8(workbook), 'xl/workbook.xml', {
    open: (tag) => {
      if (tag.name === 'sheet' && relId === undefined) relId = attr(tag, 'id');
      if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
    },
  });
  if (relId === undefined) throw new XlsxError('the workbook has no worksheet');
  let target: string | undefined;
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (rels) {
    parseXml(strFromU8(rels), 'xl/_rels/workbook.xml.rels', {
      open: (tag) => {
        if (tag.name === 'Relationship' && attr(tag, 'Id') === relId) target = attr(tag, 'Target');
      },
    });
  }
  if (target === undefined) throw new XlsxError(`the workbook's first sheet (${relId}) has no part`);
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  return { part, date1904 };
}

/**
 * The first worksheet of an XLSX file as records of cell text, numbered by spreadsheet row. Shared
 * and inline strings are text; numbers keep their digits; booleans read true/false; a number in a
 * date-formatted cell (an Excel day number) reads YYYY-MM-DD; an error cell (#N/A) reads as its code.
 * Empty rows are skipped, as blank lines are in CSV.
 */
export function readXlsxRows(bytes: Uint8Array): DelimitedRecord[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.startsWith('xl/') && (f.name.endsWith('.xml') || f.name.endsWith('.rels')),
    });
  } catch (e) {
    throw new XlsxError(`not a readable XLSX (zip) file: ${(e as Error).message}`);
  }
  const { part, date1904 } = firstSheetPart(files);
  const sheet = files[part];
  if (!sheet) throw new XlsxError(`the first worksheet (${part}) is missing from the file`);
  const strings = sharedStrings(files['xl/sharedStrings.xml'] && strFromU8(files['xl/sharedStrings.xml']));
  const isDate = dateStyles(files['xl/styles.xml'] && strFromU8(files['xl/styles.xml']));

  const records: DelimitedRecord[] = [];
  let row: { line: number; cells: string[] } | undefined;
  let lastRow = 0;
  let cell: { column: number; type: string; style: number; value: string; inline: string } | undefined;
  let nextColumn = 0;
  let inValue = false;
  let inInlineText = false;
  let phonetic = 0;

  const cellText = (c: NonNullable<typeof cell>): string => {
    switch (c.type) {
      case 's': {
        const text = strings[Number(c.value)];
        if (text === undefined) throw new XlsxError(`row ${row?.line ?? '?'}: shared string ${c.value} is missing`);
        return text;
      }
      case 'inlineStr':
        return c.inline;
      case 'b':
        return c.value === '1' ? 'true' : c.value === '0' ? 'false' : c.value;
      case 'str':
      case 'e':
        return c.value;
      case 'd':
        // ISO 8601 date cell: the day is enough for a procurement.
        return c.value.slice(0, 10);
      default: {
        const n = Number(c.value);
        if (c.value.trim() === '' || !Number.isFinite(n)) return c.value;
        return isDate[c.style] ? excelSerialToDate(n, date1904) : String(n);
      }
    }
  };

  parseXml(strFromU8(sheet), part, {
    open: (tag) => {
      switch (tag.name) {
        case 'row': {
          const r = Number(attr(tag, 'r') ?? lastRow + 1);
          lastRow = r;
          row = { line: r, cells: [] };
          nextColumn = 0;
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const column = ref ? columnIndex(ref) : nextColumn;
          nextColumn = column + 1;
          cell = { column, type: attr(tag, 't') ?? 'n', style: Number(attr(tag, 's') ?? 0), value: '', inline: '' };
          break;
        }
        case 'v':
          inValue = true;
          break;
        case 't':
          inInlineText = cell !== undefined;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    close: (name) => {
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 't':
          inInlineText = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell && row) {
            const text = cellText(cell);
            while (row.cells.length < cell.column) row.cells.push('');
            row.cells[cell.column] = text;
          }
          cell = undefined;
          break;
        case 'row':
          if (row && row.cells.some((c) => c.trim() !== '')) records.push(row);
          row = undefined;
          break;
      }
    },
    text: (text) => {
      if (!cell) return;
      if (inValue) cell.value += text;
      else if (inInlineText && phonetic === 0) cell.inline += text;
    },
  });
  return records;
}
