import {
  EntityRecordSchema,
  IMPORT_LIMITS,
  RelationshipRecordSchema,
  type EntityRecord,
  type RelationshipRecord,
} from '@explorer/model';
import type { z } from 'zod';
import type { TextEncoding } from './decode.ts';
import { previewText, readJsonLinesFile } from './json-lines.ts';
import type { ImportProblem } from './problems.ts';

/** A JSON-lines file of the model's own records, as the seed datasets hold them. */
export interface RecordsFile {
  fileName: string;
  sha256: string;
  format: 'jsonl';
  encoding: TextEncoding | null;
  entities: Array<{ line: number; record: EntityRecord }>;
  relationships: Array<{ line: number; record: RelationshipRecord }>;
  rowCount: number;
  sample: Array<{ line: number; values: Record<string, string> }>;
  problems: ImportProblem[];
  fatal: boolean;
}

/** One problem per schema issue, naming the record's field (`sourceIds.0`, `level`). */
function issues(line: number, error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({
    severity: 'error' as const,
    line,
    ...(issue.path.length > 0 && { field: issue.path.join('.') }),
    message: issue.message,
  }));
}

/**
 * Reads a JSON-lines file where each line is an entity record (with `kind`) or a relationship
 * record (with `type`), and validates each with the model's schemas. Checks that need the
 * database (ends, citations) are the planner's.
 */
export function readRecordsFile(fileName: string, bytes: Uint8Array): RecordsFile {
  const { lines, header } = readJsonLinesFile(fileName, bytes, 'jsonl');
  const file: RecordsFile = { ...header, entities: [], relationships: [] };
  const seen = new Map<string, number>();
  for (const { line, value } of lines) {
    if (file.sample.length < IMPORT_LIMITS.previewRows) {
      const values: Record<string, string> = {};
      for (const key of ['kind', 'type', 'id', 'name', 'source', 'target']) {
        if (value[key] !== undefined) values[key] = previewText(value[key]);
      }
      file.sample.push({ line, values });
    }
    const id = typeof value['id'] === 'string' ? value['id'] : undefined;
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        file.problems.push({
          severity: 'error',
          line,
          field: 'id',
          message: `"${id}" is also the id on line ${first}`,
        });
        continue;
      }
      seen.set(id, line);
    }
    if ('kind' in value) {
      const parsed = EntityRecordSchema.safeParse(value);
      if (parsed.success) file.entities.push({ line, record: parsed.data });
      else file.problems.push(...issues(line, parsed.error));
    } else if ('type' in value) {
      const parsed = RelationshipRecordSchema.safeParse(value);
      if (parsed.success) file.relationships.push({ line, record: parsed.data });
      else file.problems.push(...issues(line, parsed.error));
    } else {
      file.problems.push({
        severity: 'error',
        line,
        message: 'neither an entity record (with "kind") nor a relationship record (with "type")',
      });
    }
  }
  file.problems.sort((a, b) => a.line - b.line);
  return file;
}
