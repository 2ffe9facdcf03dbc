import {
  ErrorBodySchema,
  ImportEventSchema,
  ImportListResponseSchema,
  ImportMappingListResponseSchema,
  ImportMappingSchema,
  ImportPreviewSchema,
  ImportProblemSchema,
  type ColumnMapping,
  type ImportEvent,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
} from '@explorer/model';
import { z } from 'zod';
import { ApiError, getJson } from '../api/client.ts';

/** What the user chose for one file: everything the import routes take besides the bytes. */
export interface ImportChoice {
  mapping?: string;
  columns?: ColumnMapping;
  validRowsOnly?: boolean;
  importedBy?: string;
}

/** A refusal that lists the file's problems (the server found errors; nothing was written). */
export class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The file was refused: ${problems.filter((p) => p.severity === 'error').length} error(s).`);
    this.name = 'ImportRefused';
  }
}

function queryString(fileName: string, choice: ImportChoice, dryRun?: boolean): string {
  const query = new URLSearchParams({ fileName });
  if (choice.mapping) query.set('mapping', choice.mapping);
  if (choice.columns && Object.keys(choice.columns).length > 0) query.set('columns', JSON.stringify(choice.columns));
  if (choice.validRowsOnly) query.set('validRowsOnly', 'true');
  if (choice.importedBy?.trim()) query.set('importedBy', choice.importedBy.trim());
  if (dryRun !== undefined) query.set('dryRun', String(dryRun));
  return query.toString();
}

const ProblemsDetailSchema = z.object({ problems: z.array(ImportProblemSchema) });

/** The error a failed answer stands for: the file's problems when the server listed them. */
function failure(status: number, text: string): Error {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new ApiError(status, 'unknown', `The server answered ${status}.`);
  }
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(status, 'unknown', `The server answered ${status}.`);
  const problems = ProblemsDetailSchema.safeParse(parsed.data.error.details);
  if (problems.success) return new ImportRefused(problems.data.problems);
  return new ApiError(status, parsed.data.error.code, parsed.data.error.message);
}

interface Upload {
  path: string;
  file: File;
  /** Fraction of the file sent, 0..1. */
  onUpload: (fraction: number) => void;
  /** The answer's text so far, while it arrives (the import streams its progress). */
  onText?: (text: string) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file as the raw body. XMLHttpRequest, not fetch: only it reports upload progress, and a
 * 100,000-row spreadsheet takes long enough to send that the user should see it move.
 */
function upload({ path, file, onUpload, onText, signal }: Upload): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUpload(event.loaded / event.total);
    };
    xhr.upload.onload = () => onUpload(1);
    xhr.onprogress = () => onText?.(xhr.responseText);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.responseText);
      else reject(failure(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server cannot be reached. Is it running?'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** The file as the server reads it, before anything is written. */
export async function previewImport(
  file: File,
  choice: ImportChoice,
  onUpload: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ImportPreview> {
  const text = await upload({
    path: `/api/import/preview?${queryString(file.name, choice)}`,
    file,
    onUpload,
    signal,
  });
  return ImportPreviewSchema.parse(JSON.parse(text));
}

/** Parses the complete lines of an NDJSON answer, from line `from` on. */
function eventsIn(text: string, from: number): { events: ImportEvent[]; next: number } {
  const lines = text.split('\n');
  const complete = lines.slice(0, -1); // the last one may still be arriving
  const events = complete
    .slice(from)
    .filter((line) => line.trim() !== '')
    .map((line) => ImportEventSchema.parse(JSON.parse(line)));
  return { events, next: complete.length };
}

/**
 * Runs an import (or a dry run) and reports each progress event as it arrives. Resolves with the
 * final event: a result, or a refusal listing every problem.
 */
export async function runImport(
  file: File,
  choice: ImportChoice,
  dryRun: boolean,
  handlers: { onUpload: (fraction: number) => void; onEvent: (event: ImportEvent) => void },
  signal?: AbortSignal,
): Promise<Extract<ImportEvent, { type: 'result' | 'refused' }>> {
  let seen = 0;
  const deliver = (text: string, final: boolean) => {
    const { events, next } = eventsIn(final && !text.endsWith('\n') ? `${text}\n` : text, seen);
    seen = next;
    events.forEach(handlers.onEvent);
    return events;
  };
  const text = await upload({
    path: `/api/import?${queryString(file.name, choice, dryRun)}`,
    file,
    onUpload: handlers.onUpload,
    onText: (partial) => deliver(partial, false),
    signal,
  });
  deliver(text, true);
  const all = eventsIn(text.endsWith('\n') ? text : `${text}\n`, 0).events;
  const last = all.at(-1);
  if (!last || last.type === 'progress') throw new Error('The import ended without a result. Check the server log.');
  if (last.type === 'failed') throw new Error(`The import failed, and nothing was written: ${last.message}`);
  return last;
}

export async function listMappings(): Promise<ImportMapping[]> {
  return (await getJson('/import/mappings', ImportMappingListResponseSchema)).mappings;
}

export async function saveMapping(name: string, columns: ColumnMapping): Promise<ImportMapping> {
  const response = await fetch(`/api/import/mappings/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ columns }),
  });
  if (!response.ok) throw failure(response.status, await response.text());
  return ImportMappingSchema.parse(await response.json());
}

export async function listImports() {
  return (await getJson('/imports', ImportListResponseSchema)).imports;
}
