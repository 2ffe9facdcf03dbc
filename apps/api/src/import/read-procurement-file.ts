import { createHash } from 'node:crypto';
import {
  IMPORT_LIMITS,
  PROCUREMENT_COLUMNS,
  REQUIRED_PROCUREMENT_COLUMNS,
  ProcurementRowSchema,
  normaliseHeader,
  procurementColumnFor,
  type ColumnMapping,
  type ProcurementColumn,
  type ProcurementRow,
} from '@explorer/model';
import { decodeText, type TextEncoding } from './decode.ts';
import {
  detectDelimiter,
  parseDelimited,
  UnclosedQuoteError,
  type Delimiter,
  type DelimitedRecord,
} from './parse-delimited.ts';
import type { ImportProblem } from './problems.ts';
import { isZip, readXlsxRows, XlsxError } from './read-xlsx.ts';

export interface ProcurementFile {
  fileName: string;
  sha256: string;
  format: 'csv' | 'tsv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Every header and the template column it feeds (undefined: ignored). */
  headers: Array<{ header: string; column: ProcurementColumn | undefined }>;
  /** Valid rows with the line each starts on (for XLSX, its spreadsheet row). */
  rows: Array<{ line: number; row: ProcurementRow }>;
  /** Lines of data rows read, valid or not. */
  rowCount: number;
  /** The first rows as written: each template column's cell text. */
  sample: Array<{ line: number; values: Record<string, string> }>;
  /** Every error and warning; any error means nothing may be written. */
  problems: ImportProblem[];
  /** The file cannot be read at all (encoding, header): not even its valid rows can be imported. */
  fatal: boolean;
}

export interface ReadProcurementOptions {
  /** Header → template column (null: ignore), applied over the built-in names and aliases. */
  mapping?: ColumnMapping;
}

/** The template column a header feeds: the mapping first, then the header's own name or alias. */
export function columnFor(header: string, mapping: ColumnMapping = {}): ProcurementColumn | null | undefined {
  const key = normaliseHeader(header);
  for (const [from, to] of Object.entries(mapping)) if (normaliseHeader(from) === key) return to;
  return procurementColumnFor(header);
}

/**
 * Reads and validates a procurement CSV, TSV or XLSX (first worksheet) completely before anything
 * touches the database: every bad cell of every row is reported, not just the first.
 */
export function readProcurementFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadProcurementOptions = {},
): ProcurementFile {
  const file = readUnsorted(fileName, bytes, options.mapping ?? {});
  // In file order, as the user will fix them (the sort is stable within a line).
  file.problems.sort((a, b) => a.line - b.line);
  return file;
}

function readUnsorted(fileName: string, bytes: Uint8Array, mapping: ColumnMapping): ProcurementFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file: ProcurementFile = {
    fileName,
    sha256,
    format: 'csv',
    encoding: null,
    delimiter: null,
    headers: [],
    rows: [],
    rowCount: 0,
    sample: [],
    problems: [],
    fatal: false,
  };
  const error = (line: number, message: string, column?: string, field?: string) =>
    file.problems.push({
      severity: 'error',
      line,
      message,
      ...(column !== undefined && { column }),
      ...(field && { field }),
    });

  const records = readRecords(file, bytes, error);
  if (records === undefined) {
    file.fatal = true;
    return file;
  }
  const [header, ...body] = records;
  if (!header) {
    error(1, 'the file is empty');
    file.fatal = true;
    return file;
  }

  const problemsBeforeHeader = file.problems.length;
  // Which template field each column feeds; unknown columns are ignored with a warning.
  const mapped = header.cells.map((h) => columnFor(h, mapping));
  const fields: Array<ProcurementColumn | undefined> = mapped.map((f) => f ?? undefined);
  file.headers = header.cells.map((h, i) => ({ header: h, column: fields[i] }));
  header.cells.forEach((h, i) => {
    const field = fields[i];
    // A column the mapping sets to null is ignored on purpose: no warning.
    if (field === undefined && mapped[i] !== null) {
      file.problems.push({
        severity: 'warning',
        line: header.line,
        column: h,
        message: `unknown column, ignored (template columns: ${PROCUREMENT_COLUMNS.join(', ')})`,
      });
    } else if (field !== undefined && fields.indexOf(field) !== i) {
      error(
        header.line,
        `a second column for "${field}" (the first is "${header.cells[fields.indexOf(field)]}")`,
        h,
        field,
      );
    }
  });
  for (const required of REQUIRED_PROCUREMENT_COLUMNS) {
    if (!fields.includes(required)) error(header.line, `required column "${required}" is missing`, undefined, required);
  }
  // Without a usable header no row can be read; a truncated end still lets the rows before it be checked.
  if (file.problems.slice(problemsBeforeHeader).some((p) => p.severity === 'error')) {
    file.fatal = true;
    return file;
  }

  file.rowCount = body.length;
  for (const record of body) {
    if (file.sample.length < IMPORT_LIMITS.previewRows) {
      const values: Record<string, string> = {};
      record.cells.forEach((cell, i) => {
        const field = fields[i];
        if (field !== undefined && cell.trim() !== '') values[field] = cell;
      });
      file.sample.push({ line: record.line, values });
    }
    if (record.cells.length > header.cells.length) {
      error(record.line, `${record.cells.length} cells but the header has ${header.cells.length} columns`);
      continue;
    }
    const input: Partial<Record<ProcurementColumn, string>> = {};
    record.cells.forEach((cell, i) => {
      const field = fields[i];
      if (field !== undefined && cell.trim() !== '') input[field] = cell;
    });
    const parsed = ProcurementRowSchema.safeParse(input);
    if (parsed.success) {
      file.rows.push({ line: record.line, row: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = header.cells[fields.indexOf(field as ProcurementColumn)];
      const message = input[field as ProcurementColumn] === undefined ? 'required, but empty' : issue.message;
      error(record.line, message, column ?? field, field);
    }
  }
  return file;
}

/** The file's records (header first), or undefined when it cannot be read at all. */
function readRecords(
  file: ProcurementFile,
  bytes: Uint8Array,
  error: (line: number, message: string) => void,
): DelimitedRecord[] | undefined {
  if (isZip(bytes) || /\.xlsx$/i.test(file.fileName)) {
    file.format = 'xlsx';
    try {
      return readXlsxRows(bytes);
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      error(1, e.message);
      return undefined;
    }
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    error(1, 'an old binary Excel workbook (.xls): save it as .xlsx or CSV');
    return undefined;
  }
  let text: string;
  try {
    ({ text, encoding: file.encoding } = decodeText(bytes));
  } catch (e) {
    error(1, (e as Error).message);
    return undefined;
  }
  file.delimiter = detectDelimiter(text);
  file.format = file.delimiter === '\t' ? 'tsv' : 'csv';
  try {
    return parseDelimited(text, file.delimiter);
  } catch (e) {
    if (!(e instanceof UnclosedQuoteError)) throw e;
    error(e.line, 'a quoted cell is never closed: the last line is truncated or a quote is unbalanced');
    // Still check the complete lines before it, so the user sees every problem at once.
    return parseDelimited(
      text
        .split(/\r\n|\n|\r/)
        .slice(0, e.recordLine - 1)
        .join('\n'),
      file.delimiter,
    );
  }
}
