import { createHash } from 'node:crypto';
import { decodeText, type TextEncoding } from './decode.ts';
import type { ImportProblem } from './problems.ts';

/** One non-blank line of a JSON-lines file, parsed, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: Record<string, unknown>;
}

/**
 * Splits JSON-lines text into objects. A line that is not a JSON object is an error naming its
 * line; blank lines are skipped. Text must be UTF-8 (with or without BOM), as JSON requires.
 */
export function readJsonLines(bytes: Uint8Array): {
  lines: JsonLine[];
  encoding: TextEncoding | null;
  problems: ImportProblem[];
  fatal: boolean;
} {
  const problems: ImportProblem[] = [];
  let text: string;
  let encoding: TextEncoding | null;
  try {
    ({ text, encoding } = decodeText(bytes));
  } catch (e) {
    return {
      lines: [],
      encoding: null,
      problems: [{ severity: 'error', line: 1, message: (e as Error).message }],
      fatal: true,
    };
  }
  const lines: JsonLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ severity: 'error', line, message: `not valid JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ severity: 'error', line, message: 'each line must be one JSON object' });
      return;
    }
    lines.push({ line, value: value as Record<string, unknown> });
  });
  if (lines.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', line: 1, message: 'the file is empty' });
    return { lines, encoding, problems, fatal: true };
  }
  return { lines, encoding, problems, fatal: false };
}

/** A short text form of a JSON value for previews. */
export function previewText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** What every JSON-lines import file starts as: its lines, and the header fields both readers fill in. */
export function readJsonLinesFile<F extends string>(fileName: string, bytes: Uint8Array, format: F) {
  const read = readJsonLines(bytes);
  return {
    lines: read.lines,
    header: {
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format,
      encoding: read.encoding,
      rowCount: read.lines.length,
      sample: [] as Array<{ line: number; values: Record<string, string> }>,
      problems: read.problems,
      fatal: read.fatal,
    },
  };
}
