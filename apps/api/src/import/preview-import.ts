import type { ColumnMapping, ImportPreview } from '@explorer/model';
import { readImportFile } from './read-import-file.ts';

/**
 * The file as the import will read it, without touching the graph: its format, headers and the
 * template column each feeds, the first rows as parsed with their problems, and every problem.
 * `previousImport` is the caller's (it needs the database).
 */
export function previewFile(
  fileName: string,
  bytes: Uint8Array,
  mapping: ColumnMapping = {},
): Omit<ImportPreview, 'previousImport'> {
  const file = readImportFile(fileName, bytes, { mapping });
  const problemsByLine = new Map<number, ImportPreview['problems']>();
  for (const p of file.problems) problemsByLine.set(p.line, [...(problemsByLine.get(p.line) ?? []), p]);
  return {
    fileName,
    sha256: file.sha256,
    format: file.format,
    encoding: file.encoding,
    headers: 'headers' in file ? file.headers.map(({ header, column }) => ({ header, column: column ?? null })) : [],
    rowCount: file.rowCount,
    sample: file.sample.map(({ line, values }) => ({ line, values, problems: problemsByLine.get(line) ?? [] })),
    problems: file.problems,
  };
}
