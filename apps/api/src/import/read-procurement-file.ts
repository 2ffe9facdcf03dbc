import { createHash } from 'node:crypto';
import {
  PROCUREMENT_COLUMNS,
  REQUIRED_PROCUREMENT_COLUMNS,
  ProcurementRowSchema,
  procurementColumnFor,
  type ProcurementColumn,
  type ProcurementRow,
} from '@explorer/model';
import { decodeText, type TextEncoding } from './decode.ts';
import { detectDelimiter, parseDelimited, UnclosedQuoteError, type Delimiter } from './parse-delimited.ts';
import type { ImportProblem } from './problems.ts';

export interface ProcurementFile {
  fileName: string;
  sha256: string;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** Valid rows with the line each starts on. */
  rows: Array<{ line: number; row: ProcurementRow }>;
  /** Every error and warning; any error means nothing may be written. */
  problems: ImportProblem[];
}

/**
 * Reads and validates a procurement CSV/TSV completely before anything touches the database:
 * every bad cell of every row is reported, not just the first.
 */
export function readProcurementFile(fileName: string, bytes: Uint8Array): ProcurementFile {
  const file = readUnsorted(fileName, bytes);
  // In file order, as the user will fix them (the sort is stable within a line).
  file.problems.sort((a, b) => a.line - b.line);
  return file;
}

function readUnsorted(fileName: string, bytes: Uint8Array): ProcurementFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file: ProcurementFile = { fileName, sha256, encoding: null, delimiter: null, rows: [], problems: [] };
  const error = (line: number, message: string, column?: string, field?: string) =>
    file.problems.push({
      severity: 'error',
      line,
      message,
      ...(column !== undefined && { column }),
      ...(field && { field }),
    });

  let text: string;
  try {
    ({ text, encoding: file.encoding } = decodeText(bytes));
  } catch (e) {
    error(1, (e as Error).message);
    return file;
  }
  file.delimiter = detectDelimiter(text);

  let records;
  try {
    records = parseDelimited(text, file.delimiter);
  } catch (e) {
    if (!(e instanceof UnclosedQuoteError)) throw e;
    error(e.line, 'a quoted cell is never closed: the last line is truncated or a quote is unbalanced');
    // Still check the complete lines before it, so the user sees every problem at once.
    records = parseDelimited(
      text
        .split(/\r\n|\n|\r/)
        .slice(0, e.recordLine - 1)
        .join('\n'),
      file.delimiter,
    );
  }
  const [header, ...body] = records;
  if (!header) {
    error(1, 'the file is empty');
    return file;
  }

  const problemsBeforeHeader = file.problems.length;
  // Which template field each column feeds; unknown columns are ignored with a warning.
  const fields: Array<ProcurementColumn | undefined> = header.cells.map((h) => procurementColumnFor(h));
  header.cells.forEach((h, i) => {
    const field = fields[i];
    if (field === undefined) {
      file.problems.push({
        severity: 'warning',
        line: header.line,
        column: h,
        message: `unknown column, ignored (template columns: ${PROCUREMENT_COLUMNS.join(', ')})`,
      });
    } else if (fields.indexOf(field) !== i) {
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
  if (file.problems.slice(problemsBeforeHeader).some((p) => p.severity === 'error')) return file;

  for (const record of body) {
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
