import path from 'node:path';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import neo4j, { type Driver } from 'neo4j-driver';
import { applySchema, connect } from '@explorer/api';
import { createTempDataDir, startNeo4jLocal } from '@explorer/neo4j-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readJsonLines } from '../src/generate/check.ts';
import { generateDataset } from '../src/generate/generate.ts';
import { type Manifest } from '../src/generate/manifest.ts';
import { bulkLoad, NonEmptyDatabaseError } from '../src/load/bulk-load.ts';
import { startApiProcess } from '../src/measure/api-process.ts';
import { runBench } from '../src/measure/run-bench.ts';
import { openBenchDatabase, type BenchDatabase } from '../src/measure/stack.ts';
import { type BenchReport } from '../src/report/types.ts';
import { type ImportFigures } from '../src/sections/import-throughput.ts';
import { DEFAULT_SECTIONS } from '../src/sections/index.ts';
import { benchPaths } from '../src/workspace.ts';
import { tempDir } from './support/temp.ts';

const ENTITIES = 2_000;
const SEED = 7;

/** Every index and constraint, as Neo4j describes them (names, kinds, schema, options, state). */
async function describeSchema(driver: Driver): Promise<{ indexes: Row[]; constraints: Row[] }> {
  const rows = async (cypher: string) => (await driver.executeQuery(cypher)).records.map((r) => r.toObject());
  return {
    indexes: await rows(
      'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, options, owningConstraint, state RETURN * ORDER BY name',
    ),
    constraints: await rows(
      'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex, propertyType RETURN * ORDER BY name',
    ),
  };
}
type Row = Record<string, unknown>;

// One embedded Neo4j for the file (starting one takes a while): loaded once, then benchmarked.
describe('bulk load and bench on an embedded Neo4j', () => {
  let root: string;
  let manifest: Manifest;
  let database: BenchDatabase;
  let loadedSchema: { indexes: Row[]; constraints: Row[] } | undefined;
  beforeAll(async () => {
    root = await tempDir('bench-stack-');
    const paths = benchPaths(root, ENTITIES, SEED);
    manifest = await generateDataset({ entities: ENTITIES, seed: SEED, out: paths.dataset });
    database = await openBenchDatabase({
      dir: paths.database,
      datasetDir: paths.dataset,
      heapMb: 768,
      pageCacheMb: 256,
      log: () => {},
    });
  });
  afterAll(() => database?.stop());

  it('loads every entity and relationship, as the file has them, and refuses a second load', async () => {
    const paths = benchPaths(root, ENTITIES, SEED);
    const driver = neo4j.driver(
      database.neo4j.uri,
      neo4j.auth.basic(database.neo4j.auth.user, database.neo4j.auth.password),
    );
    const count = async (cypher: string) =>
      neo4j.integer.toNumber((await driver.executeQuery(cypher)).records[0]?.get('n') ?? -1);
    try {
      expect(database.load.reused).toBe(false);
      expect(database.load.method).toBe('admin-import');
      expect(database.load.entities).toBe(manifest.entities);
      expect(database.load.entitiesPerSecond).toBeGreaterThan(0);
      expect(await count('MATCH (n:Entity) RETURN count(n) AS n')).toBe(ENTITIES);
      for (const kind of ENTITY_KINDS) {
        expect([kind, await count(`MATCH (n:${kind}) RETURN count(n) AS n`)]).toEqual([
          kind,
          manifest.byKind[kind] ?? 0,
        ]);
      }
      for (const type of RELATIONSHIP_TYPES) {
        expect([type, await count(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`)]).toEqual([
          type,
          manifest.byType[type] ?? 0,
        ]);
      }
      // A sample of relationships joins the right ends and keeps its properties.
      let checked = 0;
      for await (const raw of readJsonLines(path.join(paths.dataset, 'relationships.jsonl'))) {
        const r = raw as { id: string; type: string; source: string; target: string; sourceIds: string[] };
        if (checked++ % 997 !== 0) continue;
        const { records } = await driver.executeQuery(
          'MATCH (a:Entity)-[r {id: $id}]->(b:Entity) RETURN a.id AS a, b.id AS b, type(r) AS type, r.sourceIds AS sourceIds, r.synthetic AS synthetic',
          { id: r.id },
        );
        expect(records.map((x) => x.toObject())).toEqual([
          { a: r.source, b: r.target, type: r.type, sourceIds: r.sourceIds, synthetic: true },
        ]);
      }
      // The schema was completed after the data went in: the full-text search index answers.
      loadedSchema = await describeSchema(driver);
      expect(loadedSchema.indexes.map((i) => i['state'])).toEqual(loadedSchema.indexes.map(() => 'ONLINE'));
      expect(
        await count(
          `CALL db.index.fulltext.queryNodes('entity_names_cjk', '"公安局"') YIELD node RETURN count(node) AS n`,
        ),
      ).toBeGreaterThan(0);

      await expect(bulkLoad({ driver, dir: paths.dataset })).rejects.toThrow(NonEmptyDatabaseError);
      await expect(bulkLoad({ driver, dir: paths.dataset })).rejects.toThrow(/already holds 2000 node/);
      expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(ENTITIES);
    } finally {
      await driver.close();
    }
  });

  it('runs the API in a process of its own, and says so when that process dies', async () => {
    const api = await startApiProcess({
      target: { uri: database.neo4j.uri, ...database.neo4j.auth },
      queryTimeoutMs: 5_000,
      maxConcurrency: 4,
    });
    try {
      expect(api.pid).not.toBe(process.pid);
      const health = await fetch(`${api.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(api.exited()).toBeNull();
      process.kill(api.pid, 'SIGKILL');
      await expect.poll(() => api.exited()?.signal, { timeout: 10_000 }).toBe('SIGKILL');
      await expect(fetch(`${api.baseUrl}/api/health`)).rejects.toThrow();
    } finally {
      await api.close();
    }
  });

  it('benchmarks every operation through the API and the driver', async () => {
    const { report, files } = await runBench({
      size: 'smoke',
      entities: ENTITIES,
      seed: SEED,
      iterations: 2,
      // The same code path as 32; fewer requests keep the smoke test short.
      concurrency: [1, 4],
      cellSeconds: 5,
      mixed: { rate: 40, seconds: 2 },
      heapMb: 768,
      pageCacheMb: 256,
      root,
      exportElements: 600,
      importRows: 300,
      database,
      // A section that fails (no Chromium, say) is reported as not measured; the ones after it still run.
      sections: [
        { title: 'Broken section', measure: () => Promise.reject(new Error('no such tool')) },
        ...DEFAULT_SECTIONS,
      ],
    });
    expect(report.load).toEqual(database.load);
    const names = [...new Set(report.operations.map((o) => o.name))];
    expect(names).toEqual([
      'search',
      'entity',
      'entity (hub)',
      'neighbors',
      'neighbors (hub)',
      'neighbors (hub, page 20)',
      'paths 2 hops',
      'paths 4 hops',
      'paths 6 hops',
      'trace',
      'console: us-suppliers-of-listed-companies',
      'console: data-storage-buyers-by-year',
      'console: us-targets-acquired-by-chinese-firms',
      'export',
    ]);
    for (const o of report.operations) {
      for (const cell of [o.api, o.raw]) {
        expect({ name: o.name, c: o.concurrency, errors: cell.errors, error: cell.firstError }).toEqual({
          name: o.name,
          c: o.concurrency,
          errors: 0,
          error: undefined,
        });
        expect(cell.n).toBeGreaterThan(0);
        for (const figure of [cell.p50, cell.p95, cell.p99, cell.throughput]) expect(figure).toBeGreaterThan(0);
      }
      expect(Number.isFinite(o.ratioP50)).toBe(true);
    }
    expect(report.operations.map((o) => o.concurrency)).toEqual(names.flatMap(() => [1, 4]));
    expect(report.probes.export.nodes).toBeGreaterThan(1);
    expect(report.mixed.sent).toBe(80);
    expect(report.mixed.errors).toBe(0);
    expect(report.mixed.p95).toBeGreaterThan(0);
    expect(report.mixed.errorKinds).toEqual({});
    expect(report.memory.apiPeakRssMb).toBeGreaterThan(0);
    expect(report.memory.databasePeakRssMb).toBeGreaterThan(0);
    expect(report.memory.loadGeneratorPeakRssMb).toBeGreaterThan(0);
    expect(report.apiExit).toBeNull();
    expect(report.targets.map((t) => t.target).join('\n')).toMatch(/search[\s\S]*overhead[\s\S]*mixed[\s\S]*load/);
    const imported = report.sections.find((s) => s.title === 'Import throughput')?.data as ImportFigures;
    expect(imported).toMatchObject({ measured: true, rows: 300, undone: true });
    expect(imported.rowsPerSecond).toBeGreaterThan(0);
    expect(imported.phaseSeconds.resolve).toBeGreaterThan(0);
    expect(imported.phaseSeconds.write).toBeGreaterThan(0);
    expect(imported.entitiesCreated).toBeGreaterThan(300);
    // The floor writes the import's own plan: the same elements, with bare CREATEs.
    expect(imported.writeFloor).toMatchObject({
      measured: true,
      entities: imported.entitiesCreated,
      relationships: imported.relationshipsCreated,
    });
    expect(report.sections.find((s) => s.title === 'Browser canvas')?.markdown).toMatch(
      /^150 entities and 300 relationships[\s\S]*\| 1 \| \d/,
    );

    expect(report.sections.map((s) => s.title)).toEqual(['Broken section', 'Import throughput', 'Browser canvas']);
    expect(report.sections[0]).toMatchObject({ markdown: 'Not measured: no such tool', data: { measured: false } });

    const written = JSON.parse(await readFile(files.json, 'utf8')) as BenchReport;
    expect(written.operations).toHaveLength(report.operations.length);
    const markdown = await readFile(files.markdown, 'utf8');
    for (const name of names) expect(markdown).toContain(`| ${name} |`);
    expect(markdown).toContain('## Broken section\n\nNot measured: no such tool');
  });

  it('loads the same graph with Cypher batches as with the offline importer', async () => {
    const paths = benchPaths(root, ENTITIES, SEED);
    const other = await startNeo4jLocal({
      dataDir: await createTempDataDir('bench-cypher-load-'),
      boltPort: 0,
      removeDataDirOnStop: true,
      heapMb: 768,
      txTimeoutSeconds: 300,
    });
    const imported = neo4j.driver(
      database.neo4j.uri,
      neo4j.auth.basic(database.neo4j.auth.user, database.neo4j.auth.password),
    );
    const loaded = neo4j.driver(other.uri, neo4j.auth.basic(other.auth.user, other.auth.password));
    try {
      const stats = await bulkLoad({ driver: loaded, dir: paths.dataset });
      expect(stats.method).toBe('cypher');
      expect(stats.phases.map((p) => p.name)).toEqual(['id constraint', 'entities', 'relationships', 'indexes']);
      const dump = async (driver: Driver) => ({
        nodes: (
          await driver.executeQuery(
            'MATCH (n) RETURN n.id AS id, apoc.coll.sort(labels(n)) AS labels, properties(n) AS props ORDER BY id',
          )
        ).records.map((r) => r.toObject()),
        relationships: (
          await driver.executeQuery(
            'MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props ORDER BY id',
          )
        ).records.map((r) => r.toObject()),
      });
      const fromImport = await dump(imported);
      expect(fromImport.nodes).toHaveLength(ENTITIES);
      expect(await dump(loaded)).toEqual(fromImport);
      expect(await describeSchema(loaded)).toEqual(loadedSchema);
    } finally {
      await imported.close();
      await loaded.close();
      await other.stop();
    }
  });

  // Last, as it empties the database: the schema the loader left is exactly the app's own.
  it("ends with exactly the schema the app's applySchema creates in an empty database", async () => {
    expect(loadedSchema?.indexes.length).toBeGreaterThan(10);
    const db = connect({ uri: database.neo4j.uri, ...database.neo4j.auth });
    try {
      await db.driver.executeQuery('MATCH (n) DETACH DELETE n');
      for (const c of (await describeSchema(db.driver)).constraints) {
        await db.driver.executeQuery(`DROP CONSTRAINT \`${String(c['name'])}\``);
      }
      for (const i of (await describeSchema(db.driver)).indexes) {
        if (i['type'] !== 'LOOKUP') await db.driver.executeQuery(`DROP INDEX \`${String(i['name'])}\``);
      }
      expect((await describeSchema(db.driver)).constraints).toEqual([]);
      await applySchema(db);
      expect(await describeSchema(db.driver)).toEqual(loadedSchema);
    } finally {
      await db.close();
    }
  });
});
