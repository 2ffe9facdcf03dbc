import path from 'node:path';
import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readJsonLines } from '../src/generate/check.ts';
import { generateDataset } from '../src/generate/generate.ts';
import { type Manifest } from '../src/generate/manifest.ts';
import { bulkLoad, NonEmptyDatabaseError } from '../src/load/bulk-load.ts';
import { runBench } from '../src/measure/run-bench.ts';
import { openBenchDatabase, type BenchDatabase } from '../src/measure/stack.ts';
import { type BenchReport } from '../src/report/types.ts';
import { benchPaths } from '../src/workspace.ts';
import { tempDir } from './support/temp.ts';

const ENTITIES = 2_000;
const SEED = 7;

// One embedded Neo4j for the file (starting one takes a while): loaded once, then benchmarked.
describe('bulk load and bench on an embedded Neo4j', () => {
  let root: string;
  let manifest: Manifest;
  let database: BenchDatabase;
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
    const driver = neo4j.driver(database.neo4j.uri);
    const count = async (cypher: string) =>
      neo4j.integer.toNumber((await driver.executeQuery(cypher)).records[0]?.get('n') ?? -1);
    try {
      expect(database.load.reused).toBe(false);
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
      // The schema was applied first: the full-text search index answers.
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
      database,
    });
    expect(report.load).toEqual(database.load);
    const names = [...new Set(report.operations.map((o) => o.name))];
    expect(names).toEqual([
      'search',
      'entity',
      'entity (hub)',
      'neighbors',
      'neighbors (hub)',
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
    expect(report.memory.apiPeakRssMb).toBeGreaterThan(0);
    expect(report.memory.databasePeakRssMb).toBeGreaterThan(0);
    expect(report.targets.map((t) => t.target).join('\n')).toMatch(/search[\s\S]*overhead[\s\S]*mixed[\s\S]*load/);
    expect(report.sections.find((s) => s.title === 'Import throughput')?.markdown).toMatch(/^Not yet/);
    expect(report.sections.find((s) => s.title === 'Browser canvas')?.markdown).toMatch(
      /^150 entities and 300 relationships[\s\S]*\| 1 \| \d/,
    );

    const written = JSON.parse(await readFile(files.json, 'utf8')) as BenchReport;
    expect(written.operations).toHaveLength(report.operations.length);
    const markdown = await readFile(files.markdown, 'utf8');
    for (const name of names) expect(markdown).toContain(`| ${name} |`);
  });
});
