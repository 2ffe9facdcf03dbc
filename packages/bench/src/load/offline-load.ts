import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ENTITY_LABEL,
  EntityRecordSchema,
  RelationshipRecordSchema,
  SCHEMA_STATEMENTS,
  type EntityKind,
  type RelationshipType,
} from '@explorer/model';
import { adminImport } from '@explorer/neo4j-local';
import neo4j, { type Driver } from 'neo4j-driver';
import { entityProps, relationshipProps } from '../api-internals.ts';
import { readJsonLines, readManifest } from '../generate/check.ts';
import { cpuSeconds } from '../measure/memory.ts';
import { InvalidRecordError, PhaseClock, completeSchema, type LoadStats } from './bulk-load.ts';

/**
 * The bench's fast load: Neo4j's offline importer (neo4j-admin database import) writes the store from
 * CSV files before the database first starts, then the model's whole schema is created and populated
 * in bulk. Each record is validated with the model and turned into properties exactly as the Cypher
 * loader (and the seed loader) would: `entityProps`/`relationshipProps`, numbers as floats (what the
 * JavaScript driver sends), so both loads give the same graph. Values CSV cannot hold — an empty list
 * (neo4j-admin leaves the property out) or an empty string — are set afterwards with Cypher.
 */

/** Separates list elements and labels in the CSV files: a character no generated value holds. */
const ARRAY_DELIMITER = '\u001f';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Props = Record<string, unknown>;
type CsvType = 'string' | 'boolean' | 'double' | 'string[]' | 'boolean[]' | 'double[]';

function csvType(value: unknown): CsvType | null {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (first === undefined) return null; // an empty list says nothing of its type
    const element = csvType(first);
    if (element === null || element.endsWith('[]')) throw new Error(`Unsupported list value ${JSON.stringify(value)}`);
    return `${element}[]` as CsvType;
  }
  throw new Error(`Unsupported property value ${JSON.stringify(value)}`);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const text = String(item);
      if (text.includes(ARRAY_DELIMITER)) throw new Error(`A list element holds U+001F: ${JSON.stringify(text)}`);
      return text;
    });
    return quote(items.join(ARRAY_DELIMITER));
  }
  throw new Error(`Unsupported property value ${JSON.stringify(value)}`);
}

/** A property set after the import: which element, which key, what value. */
interface Fixup {
  group: string;
  id: string;
  key: string;
  value: unknown;
}

/** One CSV file per kind or type; its header is known only once every row is seen, so rows go to a
 * JSON-lines spool first and the CSV is written at the end. */
class GroupFile {
  readonly types = new Map<string, CsvType>();
  private readonly spool: WriteStream;
  private buffered: string[] = [];

  constructor(
    readonly spoolPath: string,
    readonly csvPath: string,
  ) {
    this.spool = createWriteStream(spoolPath, { encoding: 'utf8' });
  }

  async add(row: Props): Promise<void> {
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith(':')) continue;
      if (!IDENTIFIER.test(key)) throw new Error(`Not a property name: ${JSON.stringify(key)}`);
      const type = csvType(value);
      if (type === null) continue;
      const known = this.types.get(key);
      if (known && known !== type) throw new Error(`Property ${key} is ${known} in one row and ${type} in another`);
      this.types.set(key, type);
    }
    this.buffered.push(JSON.stringify(row));
    if (this.buffered.length >= 2000) await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.buffered.length === 0) return;
    const chunk = `${this.buffered.join('\n')}\n`;
    this.buffered = [];
    if (!this.spool.write(chunk)) await once(this.spool, 'drain');
  }

  /** Writes the CSV: the importer's `head` columns ([header, row key]), then every other property. */
  async writeCsv(head: ReadonlyArray<readonly [string, string]>): Promise<void> {
    await this.drain();
    this.spool.end();
    await once(this.spool, 'finish');
    const taken = new Set(head.map(([, key]) => key));
    const keys = [...this.types.keys()].filter((k) => !taken.has(k)).sort();
    const out = createWriteStream(this.csvPath, { encoding: 'utf8' });
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    };
    await write([...head.map(([header]) => header), ...keys.map((k) => `${k}:${this.types.get(k)}`)].join(','));
    for await (const raw of readJsonLines(this.spoolPath)) {
      const row = raw as Props;
      await write([...head.map(([, key]) => csvCell(row[key])), ...keys.map((k) => csvCell(row[k]))].join(','));
    }
    out.end();
    await once(out, 'finish');
    await rm(this.spoolPath, { force: true });
  }
}

/** Takes the values CSV cannot hold out of `props` into `fixups`. */
function splitFixups(group: string, props: Props, fixups: Fixup[]): Props {
  const kept: Props = {};
  const id = String(props['id']);
  for (const [key, value] of Object.entries(props)) {
    if ((Array.isArray(value) && value.length === 0) || value === '') fixups.push({ group, id, key, value });
    else kept[key] = value;
  }
  return kept;
}

export interface OfflineLoadOptions {
  /** A folder written by generateDataset. */
  datasetDir: string;
  /** The data folder to create the database in; it must hold no database yet. */
  dataDir: string;
  /** CPU seconds the database process has used so far (once it runs). */
  databaseCpu?: () => Promise<number | null>;
  log?: (line: string) => void;
}

/** Step 1: the CSV files (validated records → properties), in `<dataDir>/import/`. */
export async function writeImportFiles(
  datasetDir: string,
  dataDir: string,
): Promise<{ nodes: string[]; relationships: string[]; fixups: Fixup[]; folder: string }> {
  const manifest = await readManifest(datasetDir);
  const name = manifest.meta.name;
  const folder = path.join(dataDir, 'import');
  await mkdir(folder, { recursive: true });
  const fixups: Fixup[] = [];
  const entityFiles = new Map<EntityKind, GroupFile>();
  const entitiesFile = path.join(datasetDir, manifest.files.entities);
  let line = 0;
  for await (const raw of readJsonLines(entitiesFile)) {
    line++;
    const parsed = EntityRecordSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidRecordError(entitiesFile, line, parsed.error.message);
    const kind = parsed.data.kind;
    let file = entityFiles.get(kind);
    if (!file) {
      file = new GroupFile(path.join(folder, `${kind}.jsonl`), path.join(folder, `${kind}.csv`));
      entityFiles.set(kind, file);
    }
    await file.add(splitFixups(kind, entityProps(parsed.data, name), fixups));
  }
  const relationshipFiles = new Map<RelationshipType, GroupFile>();
  const relationshipsFile = path.join(datasetDir, manifest.files.relationships);
  line = 0;
  for await (const raw of readJsonLines(relationshipsFile)) {
    line++;
    const parsed = RelationshipRecordSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidRecordError(relationshipsFile, line, parsed.error.message);
    const rel = parsed.data;
    let file = relationshipFiles.get(rel.type);
    if (!file) {
      file = new GroupFile(path.join(folder, `${rel.type}.jsonl`), path.join(folder, `rel-${rel.type}.csv`));
      relationshipFiles.set(rel.type, file);
    }
    const props = splitFixups(rel.type, relationshipProps(rel, name), fixups);
    await file.add({ ...props, ':START_ID': rel.source, ':END_ID': rel.target, ':TYPE': rel.type });
  }
  // The id column is the importer's node id (and is stored as the `id` property); labels are given
  // per file (`Entity:Company=file`).
  for (const file of entityFiles.values()) await file.writeCsv([['id:ID', 'id']]);
  for (const file of relationshipFiles.values()) {
    await file.writeCsv([
      [':START_ID', ':START_ID'],
      [':END_ID', ':END_ID'],
      [':TYPE', ':TYPE'],
    ]);
  }
  return {
    nodes: [...entityFiles].map(([kind, file]) => `${ENTITY_LABEL}:${kind}=${file.csvPath}`),
    relationships: [...relationshipFiles.values()].map((file) => file.csvPath),
    fixups,
    folder,
  };
}

/** Sets the values CSV could not hold, by id, once the id indexes exist. */
async function applyFixups(driver: Driver, fixups: Fixup[]): Promise<void> {
  const groups = new Map<string, { group: string; key: string; value: unknown; ids: string[] }>();
  for (const f of fixups) {
    const k = `${f.group}\u0000${f.key}\u0000${JSON.stringify(f.value)}`;
    const entry = groups.get(k) ?? { group: f.group, key: f.key, value: f.value, ids: [] };
    entry.ids.push(f.id);
    groups.set(k, entry);
  }
  for (const { group, key, value, ids } of groups.values()) {
    if (!IDENTIFIER.test(group) || !IDENTIFIER.test(key)) throw new Error(`Bad fixup ${group}.${key}`);
    const isType = group === group.toUpperCase();
    const match = isType ? `MATCH ()-[x:${group} {id: id}]->()` : `MATCH (x:${ENTITY_LABEL} {id: id})`;
    for (let i = 0; i < ids.length; i += 10_000) {
      await driver.executeQuery(`UNWIND $ids AS id ${match} SET x.${key} = $value`, {
        ids: ids.slice(i, i + 10_000),
        value,
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
        await completeSchema(driver, 'neo4j', SCHEMA_STATEMENTS);
        await applyFixups(driver, files.fixups);
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
