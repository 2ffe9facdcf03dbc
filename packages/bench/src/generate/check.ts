import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  EntityRecordSchema,
  RelationshipRecordSchema,
  checkDatasetConsistency,
  type DatasetIssue,
  type EntityRecord,
  type RelationshipRecord,
} from '@explorer/model';
import { ManifestSchema, MANIFEST_FILE, type Manifest } from './manifest.ts';

export async function readManifest(dir: string): Promise<Manifest> {
  const raw = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  return ManifestSchema.parse(JSON.parse(raw));
}

/** The lines of a JSON-lines file, parsed one at a time, with their numbers in the file (from 1;
 * blank lines are skipped but counted, so a number names the line an editor shows). */
export async function* readNumberedJsonLines(file: string): AsyncGenerator<[number, unknown]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.length > 0) yield [number, JSON.parse(line) as unknown];
  }
}

/** The lines of a JSON-lines file, parsed one at a time. */
export async function* readJsonLines(file: string): AsyncGenerator<unknown> {
  for await (const [, value] of readNumberedJsonLines(file)) yield value;
}

/**
 * Validates a whole generated dataset with the model exactly as the seed loader would: every record
 * against its schema, then the cross-record checks (endpoint kinds per RELATIONSHIP_RULES, citations,
 * synthetic flags). Holds the dataset in memory: for test-sized datasets.
 */
export async function checkGeneratedDataset(dir: string): Promise<{ manifest: Manifest; issues: DatasetIssue[] }> {
  const manifest = await readManifest(dir);
  const issues: DatasetIssue[] = [];
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  const collect = <T>(
    parsed:
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } },
    raw: unknown,
    into: T[],
  ) => {
    if (parsed.success) into.push(parsed.data);
    else {
      const id = String((raw as { id?: unknown }).id);
      for (const i of parsed.error.issues) issues.push({ recordId: id, field: i.path.join('.'), message: i.message });
    }
  };
  for await (const raw of readJsonLines(path.join(dir, manifest.files.entities))) {
    collect(EntityRecordSchema.safeParse(raw), raw, entities);
  }
  for await (const raw of readJsonLines(path.join(dir, manifest.files.relationships))) {
    collect(RelationshipRecordSchema.safeParse(raw), raw, relationships);
  }
  issues.push(...checkDatasetConsistency({ meta: manifest.meta, entities, relationships }));
  return { manifest, issues };
}
