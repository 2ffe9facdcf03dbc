import path from 'node:path';
import { EntityRecordSchema, RelationshipRecordSchema, type EntityKind, type RelationshipType } from '@explorer/model';
import { applySchema } from '@explorer/api';
import neo4j, { type Driver } from 'neo4j-driver';
import { entityProps, relationshipProps } from '../api-internals.ts';
import { readJsonLines, readManifest } from '../generate/check.ts';
import { type Manifest } from '../generate/manifest.ts';
import { Batcher } from './batcher.ts';
import { COUNT_NODES, createEntities, createRelationships } from './statements.ts';

export const DEFAULT_BATCH_SIZE = 10_000;

export class NonEmptyDatabaseError extends Error {
  constructor(readonly nodes: number) {
    super(
      `Refusing to bulk-load into a database that already holds ${nodes} node(s): the loader only CREATEs ` +
        'and would duplicate or mix data. Use an empty database (a new data dir).',
    );
    this.name = 'NonEmptyDatabaseError';
  }
}

export class InvalidRecordError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'InvalidRecordError';
  }
}

export interface LoadOptions {
  driver: Driver;
  database?: string;
  /** A folder written by generateDataset. */
  dir: string;
  batchSize?: number;
  progress?: (what: 'entities' | 'relationships', done: number, total: number) => void;
}

export interface LoadStats {
  dataset: string;
  entities: number;
  relationships: number;
  schemaSeconds: number;
  entitySeconds: number;
  relationshipSeconds: number;
  totalSeconds: number;
  entitiesPerSecond: number;
  relationshipsPerSecond: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Loads a generated dataset into an EMPTY database: the model's constraints and indexes first (so
 * relationship ends are found through the id index), then entities and relationships in batches of
 * `batchSize` rows, one parameterised UNWIND … CREATE per kind or type. Every record is validated
 * with the model on the way (which also fills in its defaults, as the seed loader does).
 */
export async function bulkLoad(options: LoadOptions): Promise<LoadStats> {
  const { driver, dir } = options;
  const database = options.database ?? 'neo4j';
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const manifest: Manifest = await readManifest(dir);
  const name = manifest.meta.name;
  const started = performance.now();

  const { records } = await driver.executeQuery(COUNT_NODES, {}, { database });
  const nodes = neo4j.integer.toNumber(records[0]?.get('count') ?? 0);
  if (nodes > 0) throw new NonEmptyDatabaseError(nodes);

  await applySchema({ driver, database, embedded: null, close: async () => {} });
  const schemaSeconds = seconds(started);

  const run = (cypher: string, rows: unknown[]) =>
    driver.executeQuery(cypher, { rows }, { database, routing: neo4j.routing.WRITE });

  let done = 0;
  const entitiesStarted = performance.now();
  const entityBatches = new Batcher<EntityKind, Record<string, unknown>>(batchSize, async (kind, rows) => {
    await run(createEntities(kind), rows);
    done += rows.length;
    options.progress?.('entities', done, manifest.entities);
  });
  let line = 0;
  const entitiesFile = path.join(dir, manifest.files.entities);
  for await (const raw of readJsonLines(entitiesFile)) {
    line++;
    const parsed = EntityRecordSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidRecordError(entitiesFile, line, parsed.error.message);
    await entityBatches.add(parsed.data.kind, entityProps(parsed.data, name));
  }
  await entityBatches.flush();
  const entitySeconds = seconds(entitiesStarted);

  done = 0;
  const relationshipsStarted = performance.now();
  type Row = { source: string; target: string; props: Record<string, unknown> };
  const relationshipBatches = new Batcher<RelationshipType, Row>(batchSize, async (type, rows) => {
    const result = await run(createRelationships(type), rows);
    const created = neo4j.integer.toNumber(result.records[0]?.get('created') ?? 0);
    if (created !== rows.length) {
      throw new Error(`${rows.length - created} ${type} relationship(s) point at entities missing from the dataset`);
    }
    done += rows.length;
    options.progress?.('relationships', done, manifest.relationships);
  });
  line = 0;
  const relationshipsFile = path.join(dir, manifest.files.relationships);
  for await (const raw of readJsonLines(relationshipsFile)) {
    line++;
    const parsed = RelationshipRecordSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidRecordError(relationshipsFile, line, parsed.error.message);
    const rel = parsed.data;
    await relationshipBatches.add(rel.type, {
      source: rel.source,
      target: rel.target,
      props: relationshipProps(rel, name),
    });
  }
  await relationshipBatches.flush();
  const relationshipSeconds = seconds(relationshipsStarted);

  return {
    dataset: name,
    entities: manifest.entities,
    relationships: manifest.relationships,
    schemaSeconds,
    entitySeconds,
    relationshipSeconds,
    totalSeconds: seconds(started),
    entitiesPerSecond: manifest.entities / entitySeconds,
    relationshipsPerSecond: manifest.relationships / relationshipSeconds,
  };
}
