import path from 'node:path';
import { EntityRecordSchema, RelationshipRecordSchema, type EntityKind, type RelationshipType } from '@explorer/model';
import { applySchema } from '@explorer/api';
import neo4j, { type Driver } from 'neo4j-driver';
import { entityProps, relationshipProps } from '../api-internals.ts';
import { readManifest, readNumberedJsonLines } from '../generate/check.ts';
import { type Manifest } from '../generate/manifest.ts';
import { Batcher } from './batcher.ts';
import { COUNT_NODES, createEntities, createRelationships, splitSchema } from './statements.ts';

export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_WRITERS = 2;

/** How long the loader waits for the indexes built after the load to come online. */
const INDEX_WAIT_SECONDS = 3600;

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
  /** Batches written at once (default 2: both cores of a small machine; hubs' deadlocks are retried). */
  writers?: number;
  progress?: (what: 'entities' | 'relationships', done: number, total: number) => void;
  /** CPU seconds the database process has used so far, to split the load's CPU time by phase. */
  databaseCpu?: () => Promise<number | null>;
}

/** A step of a load: wall time, and the database's CPU time when it could be read. */
export interface LoadPhase {
  name: string;
  seconds: number;
  databaseCpuSeconds: number | null;
}

export interface LoadStats {
  /** `cypher`: UNWIND … CREATE batches over Bolt; `admin-import`: Neo4j's offline importer. */
  method: 'cypher' | 'admin-import';
  dataset: string;
  entities: number;
  relationships: number;
  phases: LoadPhase[];
  totalSeconds: number;
  /** Over the whole load (every phase), not one phase. */
  entitiesPerSecond: number;
  relationshipsPerSecond: number;
}

/** Times named steps, with the database's CPU time when `cpu` can read it. */
export class PhaseClock {
  readonly phases: LoadPhase[] = [];
  private readonly started = performance.now();

  constructor(private readonly cpu: () => Promise<number | null> = () => Promise.resolve(null)) {}

  async time<T>(name: string, step: () => Promise<T>): Promise<T> {
    const cpuBefore = await this.cpu();
    const started = performance.now();
    const result = await step();
    const cpuAfter = await this.cpu();
    this.phases.push({
      name,
      seconds: (performance.now() - started) / 1000,
      databaseCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    });
    return result;
  }

  stats(method: LoadStats['method'], dataset: string, entities: number, relationships: number): LoadStats {
    const totalSeconds = (performance.now() - this.started) / 1000;
    return {
      method,
      dataset,
      entities,
      relationships,
      phases: this.phases,
      totalSeconds,
      entitiesPerSecond: entities / totalSeconds,
      relationshipsPerSecond: relationships / totalSeconds,
    };
  }
}

/**
 * Runs schema statements on a loaded database, waits (up to an hour) for their indexes to be
 * populated, then runs the app's own applySchema, which by then finds everything in place: the
 * database ends with exactly the app's schema.
 */
export async function completeSchema(driver: Driver, database: string, statements: readonly string[]): Promise<void> {
  // One transaction per statement: all of them in one transaction (so that Neo4j might fill the
  // indexes in one pass) was not faster at 100k — 57 s against 38 s, on a shared machine.
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes($seconds)', { seconds: INDEX_WAIT_SECONDS }, { database });
  await applySchema({ driver, database, embedded: null, status: () => 'up', close: async () => {} });
}

/**
 * Loads a generated dataset into an EMPTY database: the uniqueness constraint on Entity.id first (so
 * relationship ends are found through its index, and a duplicate id fails the load), then entities
 * and relationships in batches of `batchSize` rows, one parameterised UNWIND … CREATE per kind or
 * type, then the rest of the model's schema, populated in bulk (see splitSchema), and finally the
 * app's own applySchema, which then finds everything in place. Every record is validated with the
 * model on the way (which also fills in its defaults, as the seed loader does).
 */
export async function bulkLoad(options: LoadOptions): Promise<LoadStats> {
  const { driver, dir } = options;
  const database = options.database ?? 'neo4j';
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const writers = options.writers ?? DEFAULT_WRITERS;
  const manifest: Manifest = await readManifest(dir);
  const name = manifest.meta.name;
  const clock = new PhaseClock(options.databaseCpu);

  const { records } = await driver.executeQuery(COUNT_NODES, {}, { database });
  const nodes = neo4j.integer.toNumber(records[0]?.get('count') ?? 0);
  if (nodes > 0) throw new NonEmptyDatabaseError(nodes);

  const schema = splitSchema();
  await clock.time('id constraint', async () => {
    for (const statement of schema.beforeLoad) await driver.executeQuery(statement, {}, { database });
    await driver.executeQuery('CALL db.awaitIndexes($seconds)', { seconds: INDEX_WAIT_SECONDS }, { database });
  });

  const run = (cypher: string, rows: unknown[]) =>
    driver.executeQuery(cypher, { rows }, { database, routing: neo4j.routing.WRITE });

  let done = 0;
  const entityBatches = new Batcher<EntityKind, Record<string, unknown>>(
    batchSize,
    async (kind, rows) => {
      await run(createEntities(kind, rows), rows);
      done += rows.length;
      options.progress?.('entities', done, manifest.entities);
    },
    writers,
  );
  const entitiesFile = path.join(dir, manifest.files.entities);
  await clock.time('entities', async () => {
    for await (const [line, raw] of readNumberedJsonLines(entitiesFile)) {
      const parsed = EntityRecordSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidRecordError(entitiesFile, line, parsed.error.message);
      await entityBatches.add(parsed.data.kind, entityProps(parsed.data, name));
    }
    await entityBatches.flush();
  });

  done = 0;
  type Row = { source: string; target: string; props: Record<string, unknown> };
  const relationshipBatches = new Batcher<RelationshipType, Row>(
    batchSize,
    async (type, rows) => {
      const result = await run(createRelationships(type, rows), rows);
      const created = neo4j.integer.toNumber(result.records[0]?.get('created') ?? 0);
      if (created !== rows.length) {
        throw new Error(`${rows.length - created} ${type} relationship(s) point at entities missing from the dataset`);
      }
      done += rows.length;
      options.progress?.('relationships', done, manifest.relationships);
    },
    writers,
  );
  const relationshipsFile = path.join(dir, manifest.files.relationships);
  await clock.time('relationships', async () => {
    for await (const [line, raw] of readNumberedJsonLines(relationshipsFile)) {
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
  });

  await clock.time('indexes', () => completeSchema(driver, database, schema.afterLoad));
  return clock.stats('cypher', name, manifest.entities, manifest.relationships);
}
