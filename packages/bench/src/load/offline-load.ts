import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rm, writeFile } from 'node:fs/promises';
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
 * JavaScript driver sends), so both loads give the same graph. The one value CSV cannot hold, an
 * empty list (neo4j-admin leaves the property out), is set afterwards with Cypher; an empty string is
 * written quoted (`""`), which the importer keeps.
 */

/** Separates list elements and labels in the CSV files: a character no generated value holds. */
const ARRAY_DELIMITER = '\u001f';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Props = Record<string, unknown>;
type CsvType = 'string' | 'boolean' | 'double' | 'string[]' | 'boolean[]' | 'double[]';

function csvType(value: unknown): CsvType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    // An empty list says nothing of its type; GroupCsv.add sets it aside to be written after the import.
    if (first === undefined) throw new Error('An empty list has no CSV type');
    const element = csvType(first);
    if (element.endsWith('[]')) throw new Error(`Unsupported list value ${JSON.stringify(value)}`);
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

/**
 * One CSV data file per kind or type, written in one pass. Its columns are the importer's `head`
 * columns, then each property in the order it first appears; a row written before a property first
 * appeared simply ends early, which the importer reads as "no value" (as it reads an empty cell). The
 * header goes to a file of its own once every row is seen (`--nodes=Label=header.csv,data.csv`).
 */
class GroupCsv {
  private readonly columns: string[] = [];
  private readonly types = new Map<string, CsvType>();
  private readonly out: WriteStream;
  private buffered: string[] = [];

  constructor(
    readonly group: string,
    readonly headerPath: string,
    readonly dataPath: string,
    private readonly head: readonly string[],
  ) {
    this.out = createWriteStream(dataPath, { encoding: 'utf8' });
  }

  /** Writes the row of element `id`: the head cells, then its properties; values CSV cannot hold go
   * to `fixups`. */
  async add(id: string, headCells: readonly string[], props: Props, fixups: Fixup[]): Promise<void> {
    const cells = new Map<string, string>();
    for (const key in props) {
      const value = props[key];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value) && value.length === 0) {
        fixups.push({ group: this.group, id, key, value });
        continue;
      }
      const type = csvType(value);
      const known = this.types.get(key);
      if (known === undefined) {
        if (!IDENTIFIER.test(key)) throw new Error(`Not a property name: ${JSON.stringify(key)}`);
        this.types.set(key, type);
        this.columns.push(key);
      } else if (known !== type) {
        throw new Error(`Property ${key} is ${known} in one row and ${type} in another`);
      }
      cells.set(key, csvCell(value));
    }
    let line = headCells.join(',');
    // Up to the last column this row has a value for; later columns are left off.
    let last = this.columns.length - 1;
    while (last >= 0 && !cells.has(this.columns[last] as string)) last--;
    for (let i = 0; i <= last; i++) line += `,${cells.get(this.columns[i] as string) ?? ''}`;
    this.buffered.push(line);
    if (this.buffered.length >= 2000) await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.buffered.length === 0) return;
    const chunk = `${this.buffered.join('\n')}\n`;
    this.buffered = [];
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Finishes the data file and writes the header file; returns the importer's file list. */
  async close(): Promise<string> {
    await this.drain();
    this.out.end();
    await once(this.out, 'finish');
    const header = [...this.head, ...this.columns.map((key) => `${key}:${this.types.get(key) as CsvType}`)];
    await writeFile(this.headerPath, `${header.join(',')}\n`, 'utf8');
    return `${this.headerPath},${this.dataPath}`;
  }
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
  // The id column is the importer's node id (and is stored as the `id` property); labels are given
  // per file (`Entity:Company=…`).
  const entityFiles = new Map<EntityKind, GroupCsv>();
  const entitiesFile = path.join(datasetDir, manifest.files.entities);
  let line = 0;
  for await (const raw of readJsonLines(entitiesFile)) {
    line++;
    const parsed = EntityRecordSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidRecordError(entitiesFile, line, parsed.error.message);
    const kind = parsed.data.kind;
    let file = entityFiles.get(kind);
    if (!file) {
      file = new GroupCsv(kind, path.join(folder, `${kind}.header.csv`), path.join(folder, `${kind}.csv`), ['id:ID']);
      entityFiles.set(kind, file);
    }
    const { id, ...props } = entityProps(parsed.data, name);
    await file.add(parsed.data.id, [csvCell(id)], props, fixups);
  }
  const relationshipFiles = new Map<RelationshipType, GroupCsv>();
  const relationshipsFile = path.join(datasetDir, manifest.files.relationships);
  line = 0;
  for await (const raw of readJsonLines(relationshipsFile)) {
    line++;
    const parsed = RelationshipRecordSchema.safeParse(raw);
    if (!parsed.success) throw new InvalidRecordError(relationshipsFile, line, parsed.error.message);
    const rel = parsed.data;
    let file = relationshipFiles.get(rel.type);
    if (!file) {
      file = new GroupCsv(
        rel.type,
        path.join(folder, `rel-${rel.type}.header.csv`),
        path.join(folder, `rel-${rel.type}.csv`),
        [':START_ID', ':END_ID', ':TYPE'],
      );
      relationshipFiles.set(rel.type, file);
    }
    await file.add(rel.id, [csvCell(rel.source), csvCell(rel.target), rel.type], relationshipProps(rel, name), fixups);
  }
  const nodes: string[] = [];
  for (const [kind, file] of entityFiles) nodes.push(`${ENTITY_LABEL}:${kind}=${await file.close()}`);
  const relationships: string[] = [];
  for (const file of relationshipFiles.values()) relationships.push(await file.close());
  return { nodes, relationships, fixups, folder };
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
