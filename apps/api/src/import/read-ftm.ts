import { IMPORT_LIMITS } from '@explorer/model';
import { z } from 'zod';
import type { TextEncoding } from './decode.ts';
import { readJsonLinesFile } from './json-lines.ts';
import type { ImportProblem } from './problems.ts';

/** One FollowTheMoney entity as the `entities.ftm.json` exports of OpenSanctions and Aleph hold it. */
export const FtmEntitySchema = z.object({
  id: z.string('id must be text').min(1, 'id must not be empty'),
  schema: z.string('schema must be text').min(1, 'schema must not be empty'),
  properties: z
    .record(
      z.string(),
      z.array(z.string(), 'property values must be lists of text (a flat FtM entity, not a nested one)'),
    )
    .default({}),
  datasets: z.array(z.string()).optional(),
});
export type FtmEntity = z.infer<typeof FtmEntitySchema>;

export interface FtmFile {
  fileName: string;
  sha256: string;
  format: 'ftm';
  encoding: TextEncoding | null;
  entities: Array<{ line: number; entity: FtmEntity }>;
  rowCount: number;
  sample: Array<{ line: number; values: Record<string, string> }>;
  problems: ImportProblem[];
  fatal: boolean;
}

/** Whether a parsed JSON line looks like an FtM entity rather than a model record. */
export function looksLikeFtm(value: Record<string, unknown>): boolean {
  return typeof value['schema'] === 'string' && typeof value['properties'] === 'object';
}

/** Reads FtM JSON lines; each line is checked for the FtM entity shape (what maps where is the planner's). */
export function readFtmFile(fileName: string, bytes: Uint8Array): FtmFile {
  const { lines, header } = readJsonLinesFile(fileName, bytes, 'ftm');
  const file: FtmFile = { ...header, entities: [] };
  const seen = new Map<string, number>();
  for (const { line, value } of lines) {
    const parsed = FtmEntitySchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        file.problems.push({
          severity: 'error',
          line,
          ...(issue.path.length > 0 && { field: issue.path.join('.') }),
          message: issue.message,
        });
      }
      continue;
    }
    const entity = parsed.data;
    if (file.sample.length < IMPORT_LIMITS.previewRows) {
      const name = entity.properties['name']?.[0] ?? entity.properties['title']?.[0];
      file.sample.push({ line, values: { schema: entity.schema, id: entity.id, ...(name && { name }) } });
    }
    const first = seen.get(entity.id);
    if (first !== undefined) {
      file.problems.push({
        severity: 'error',
        line,
        field: 'id',
        message: `"${entity.id}" is also the id on line ${first}`,
      });
      continue;
    }
    seen.set(entity.id, line);
    file.entities.push({ line, entity });
  }
  file.problems.sort((a, b) => a.line - b.line);
  return file;
}
