import type { ColumnMapping } from '@explorer/model';
import { looksLikeFtm, readFtmFile, type FtmFile } from './read-ftm.ts';
import { readProcurementFile, type ProcurementFile } from './read-procurement-file.ts';
import { readRecordsFile, type RecordsFile } from './read-records.ts';
import { isZip } from './read-xlsx.ts';

/** Any file the import reads: procurement rows (CSV, TSV, XLSX), model records (JSON lines) or FtM entities. */
export type ImportFile = ProcurementFile | RecordsFile | FtmFile;

/** What a file holds, by its content first (a zip is XLSX; JSON lines are FtM when they carry `schema` and `properties`), then its name. */
export function detectKind(fileName: string, bytes: Uint8Array): 'procurement' | 'jsonl' | 'ftm' {
  if (isZip(bytes) || /\.xlsx?$/i.test(fileName)) return 'procurement';
  if (/\.ftm\.jsonl?$/i.test(fileName)) return 'ftm';
  // The first non-blank line, past a UTF-8 BOM; a JSON object means JSON lines.
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  const firstLine =
    head
      .split(/\r\n|\n|\r/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (!firstLine.startsWith('{')) return 'procurement';
  try {
    const value = JSON.parse(firstLine) as unknown;
    if (typeof value === 'object' && value !== null && looksLikeFtm(value as Record<string, unknown>)) return 'ftm';
  } catch {
    // A broken first line: the JSON-lines reader reports it.
  }
  return 'jsonl';
}

/** Reads and validates a file completely, whatever it holds; nothing touches the database. */
export function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  options: { mapping?: ColumnMapping } = {},
): ImportFile {
  switch (detectKind(fileName, bytes)) {
    case 'ftm':
      return readFtmFile(fileName, bytes);
    case 'jsonl':
      return readRecordsFile(fileName, bytes);
    default:
      return readProcurementFile(fileName, bytes, options);
  }
}
