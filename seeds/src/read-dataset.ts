import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DatasetMetaSchema,
  EntityRecordSchema,
  RelationshipRecordSchema,
  checkDatasetConsistency,
  type Dataset,
} from '@explorer/model';
import { type z } from 'zod';

/** Where the datasets shipped with the repo live: seeds/<name>/. */
export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The files of a dataset folder, each a JSON document. */
export const DATASET_FILES = {
  meta: 'dataset.json',
  sources: 'sources.json',
  entities: 'entities.json',
  relationships: 'relationships.json',
} as const;

/** A problem with a dataset, naming the file, the record and the field. */
export interface DatasetProblem {
  file: string;
  record: string;
  field: string;
  message: string;
}

export class InvalidDatasetError extends Error {
  constructor(
    readonly dataset: string,
    readonly problems: DatasetProblem[],
  ) {
    const shown = problems
      .slice(0, 20)
      .map((p) => `  ${p.file} › ${p.record} › ${p.field}: ${p.message}`)
      .join('\n');
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : '';
    super(`Dataset "${dataset}" is invalid (${problems.length} problem(s)):\n${shown}${more}`);
    this.name = 'InvalidDatasetError';
  }
}

export function datasetDir(name: string): string {
  return path.join(SEEDS_DIR, name);
}

async function readJson(file: string, problems: DatasetProblem[]): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file is missing'
        : `not valid JSON: ${(error as Error).message}`;
    problems.push({ file: path.basename(file), record: '-', field: '-', message });
    return undefined;
  }
}

/** Validates an array file record by record, so that every bad record is reported, not just the first. */
function parseRecords<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  file: string,
  problems: DatasetProblem[],
): z.infer<T>[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ file, record: '-', field: '-', message: 'must be a JSON array of records' });
    return [];
  }
  const records: z.infer<T>[] = [];
  raw.forEach((item: unknown, index) => {
    const result = schema.safeParse(item);
    const id = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : `#${index}`;
    if (result.success) {
      records.push(result.data);
    } else {
      for (const issue of result.error.issues) {
        problems.push({ file, record: id, field: issue.path.join('.') || '-', message: issue.message });
      }
    }
  });
  return records;
}

/**
 * Reads a dataset folder and validates every record with the model, then the links between records.
 * Throws InvalidDatasetError listing every problem; returns only a dataset that is wholly valid.
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const name = path.basename(dir);
  const problems: DatasetProblem[] = [];
  const file = (f: string) => path.join(dir, f);

  const metaRaw = await readJson(file(DATASET_FILES.meta), problems);
  const metaResult = metaRaw === undefined ? undefined : DatasetMetaSchema.safeParse(metaRaw);
  if (metaResult && !metaResult.success) {
    for (const issue of metaResult.error.issues) {
      problems.push({ file: DATASET_FILES.meta, record: name, field: issue.path.join('.'), message: issue.message });
    }
  }
  const sources = parseRecords(
    EntityRecordSchema,
    await readJson(file(DATASET_FILES.sources), problems),
    DATASET_FILES.sources,
    problems,
  );
  for (const source of sources) {
    if (source.kind !== 'Source') {
      problems.push({ file: DATASET_FILES.sources, record: source.id, field: 'kind', message: 'must be "Source"' });
    }
  }
  const entities = parseRecords(
    EntityRecordSchema,
    await readJson(file(DATASET_FILES.entities), problems),
    DATASET_FILES.entities,
    problems,
  );
  const relationships = parseRecords(
    RelationshipRecordSchema,
    await readJson(file(DATASET_FILES.relationships), problems),
    DATASET_FILES.relationships,
    problems,
  );

  if (problems.length > 0 || !metaResult?.success) throw new InvalidDatasetError(name, problems);

  const dataset: Dataset = { meta: metaResult.data, entities: [...sources, ...entities], relationships };
  const fileOf = (id: string) =>
    sources.some((s) => s.id === id)
      ? DATASET_FILES.sources
      : entities.some((e) => e.id === id)
        ? DATASET_FILES.entities
        : DATASET_FILES.relationships;
  for (const issue of checkDatasetConsistency(dataset)) {
    problems.push({ file: fileOf(issue.recordId), record: issue.recordId, field: issue.field, message: issue.message });
  }
  if (problems.length > 0) throw new InvalidDatasetError(name, problems);
  return dataset;
}

/** Reads one of the datasets shipped in seeds/. */
export function readShippedDataset(name: string): Promise<Dataset> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Unknown dataset name "${name}"`);
  return readDataset(datasetDir(name));
}
