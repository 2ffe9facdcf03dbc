import { fork, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_LABEL, SCHEMA_STATEMENTS } from '@explorer/model';
import { adminImport } from '@explorer/neo4j-local';
import neo4j, { type Driver } from 'neo4j-driver';
import { readManifest } from '../generate/check.ts';
import { cpuSeconds } from '../measure/memory.ts';
import { TSX_EXEC_ARGV } from '../tsx-child.ts';
import { PhaseClock, completeSchema, type LoadStats } from './bulk-load.ts';
import { ARRAY_DELIMITER, IDENTIFIER, type Fixup, type ImportPart, type PartOptions } from './import-csv.ts';

/**
 * The bench's fast load: Neo4j's offline importer (neo4j-admin database import) writes the store from
 * CSV files (import-csv.ts) before the database first starts, then the model's whole schema is
 * created and populated in bulk, and the values CSV cannot hold are set with Cypher.
 */

export interface OfflineLoadOptions {
  /** A folder written by generateDataset. */
  datasetDir: string;
  /** The data folder to create the database in; it must hold no database yet. */
  dataDir: string;
  /** CPU seconds the database process has used so far (once it runs). */
  databaseCpu?: () => Promise<number | null>;
  log?: (line: string) => void;
}

const CSV_CHILD = fileURLToPath(new URL('./import-csv-child.ts', import.meta.url));

/** Runs one writer in a child process; rejects with the child's own reason when it fails. */
function runPart(options: PartOptions, children: Set<ChildProcess>): Promise<ImportPart> {
  return new Promise((resolve, reject) => {
    const child = fork(CSV_CHILD, [JSON.stringify(options)], {
      execArgv: [...TSX_EXEC_ARGV, '--max-semi-space-size=64'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    children.add(child);
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
    let result: ImportPart | undefined;
    child.on('message', (message) => (result = message as ImportPart));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0 && result) resolve(result);
      else reject(new Error(stderr.trim() || `The CSV writer of the ${options.records} ended with ${code ?? signal}`));
    });
  });
}

/**
 * Step 1: the CSV files, in `<dataDir>/import/`. Converting is all JavaScript, so the entities and
 * the relationships go to two processes, one a core. (Splitting each file between the two instead
 * gave the importer twice as many files and cost it more than the split saved.)
 */
export async function writeImportFiles(
  datasetDir: string,
  dataDir: string,
): Promise<{ nodes: string[]; relationships: string[]; fixups: Fixup[]; folder: string }> {
  const folder = path.join(dataDir, 'import');
  const children = new Set<ChildProcess>();
  try {
    const [entities, relationships] = await Promise.all([
      runPart({ datasetDir, folder, records: 'entities' }, children),
      runPart({ datasetDir, folder, records: 'relationships' }, children),
    ]);
    return {
      // Labels per file: `Entity:Company=header,data`.
      nodes: entities.groups.map((g) => `${ENTITY_LABEL}:${g.group}=${g.files}`),
      relationships: relationships.groups.map((g) => g.files),
      fixups: [...entities.fixups, ...relationships.fixups],
      folder,
    };
  } finally {
    for (const child of children) child.kill();
  }
}

/** Sets the empty lists CSV could not hold, by id, once the id indexes exist. */
async function applyFixups(driver: Driver, fixups: Fixup[]): Promise<void> {
  const groups = new Map<string, { group: string; key: string; ids: string[] }>();
  for (const f of fixups) {
    const k = `${f.group}\u0000${f.key}`;
    const entry = groups.get(k) ?? { group: f.group, key: f.key, ids: [] };
    entry.ids.push(f.id);
    groups.set(k, entry);
  }
  for (const { group, key, ids } of groups.values()) {
    if (!IDENTIFIER.test(group) || !IDENTIFIER.test(key)) throw new Error(`Bad fixup ${group}.${key}`);
    const isType = group === group.toUpperCase();
    const match = isType ? `MATCH ()-[x:${group} {id: id}]->()` : `MATCH (x:${ENTITY_LABEL} {id: id})`;
    // The empty list as a parameter, as the Cypher loader sends it.
    for (let i = 0; i < ids.length; i += 10_000) {
      await driver.executeQuery(`UNWIND $ids AS id ${match} SET x.${key} = $value`, {
        ids: ids.slice(i, i + 10_000),
        value: [],
      });
    }
  }
}

/**
 * Loads a generated dataset into a new database folder with the offline importer. Returns once the
 * files are imported; `finish` (run once the database is started on `dataDir`) creates the schema,
 * sets the leftover values and checks the counts, completing the stats.
 */
export async function offlineImport(options: OfflineLoadOptions): Promise<{
  /** For the caller's own steps in between (starting the database). */
  clock: PhaseClock;
  finish: (driver: Driver) => Promise<LoadStats>;
}> {
  const manifest = await readManifest(options.datasetDir);
  const log = options.log ?? (() => {});
  let importerPid: number | null = null;
  const clock = new PhaseClock(async () => (options.databaseCpu ? options.databaseCpu() : null));
  const files = await clock.time('CSV files', () => writeImportFiles(options.datasetDir, options.dataDir));
  log(`  CSV written; running neo4j-admin database import …`);
  let importerCpu: number | null = null;
  const poll = setInterval(() => {
    if (importerPid !== null)
      void cpuSeconds(importerPid).then((s) => {
        if (s !== null) importerCpu = s;
      });
  }, 500);
  try {
    await clock.time('neo4j-admin import', () =>
      adminImport({
        dataDir: options.dataDir,
        nodes: files.nodes,
        relationships: files.relationships,
        arrayDelimiter: ARRAY_DELIMITER,
        onStart: (pid) => (importerPid = pid),
      }),
    );
  } finally {
    clearInterval(poll);
  }
  const importPhase = clock.phases.at(-1);
  if (importPhase) importPhase.databaseCpuSeconds = importerCpu;
  await rm(files.folder, { recursive: true, force: true });
  return {
    clock,
    finish: async (driver) => {
      await clock.time('schema and indexes', async () => {
        // The constraints first: the leftover values find their elements through them, and are set
        // before the name and full-text indexes exist, so that they need not update those too.
        const isConstraint = (statement: string) => statement.startsWith('CREATE CONSTRAINT');
        for (const statement of SCHEMA_STATEMENTS.filter(isConstraint)) await driver.executeQuery(statement);
        await applyFixups(driver, files.fixups);
        await completeSchema(driver, 'neo4j', SCHEMA_STATEMENTS); // the rest; the constraints exist
      });
      const count = async (cypher: string) =>
        neo4j.integer.toNumber((await driver.executeQuery(cypher)).records[0]?.get('n') ?? -1);
      const nodes = await count('MATCH (n) RETURN count(n) AS n');
      const relationships = await count('MATCH ()-[r]->() RETURN count(r) AS n');
      if (nodes !== manifest.entities || relationships !== manifest.relationships) {
        throw new Error(
          `The import holds ${nodes} nodes and ${relationships} relationships; the dataset has ` +
            `${manifest.entities} and ${manifest.relationships}`,
        );
      }
      return clock.stats('admin-import', manifest.meta.name, manifest.entities, manifest.relationships);
    },
  };
}
