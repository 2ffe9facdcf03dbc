import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EntityRecordSchema, RelationshipRecordSchema } from '@explorer/model';
import { entityProps, relationshipProps } from '../api-internals.ts';
import { readManifest, readNumberedJsonLines } from '../generate/check.ts';
import { InvalidRecordError } from './bulk-load.ts';

/**
 * The CSV files neo4j-admin imports, made from a generated dataset: each record validated with the
 * model and turned into properties exactly as the Cypher loader (and the seed loader) would
 * (`entityProps`/`relationshipProps`, numbers as floats, what the JavaScript driver sends), so both
 * loads give the same graph. The one value CSV cannot hold, an empty list (neo4j-admin leaves the
 * property out), is handed back as a fixup to set with Cypher afterwards; an empty string is written
 * quoted (`""`), which the importer keeps. The entities and the relationships are converted at once,
 * each in a process of its own (import-csv-child.ts).
 */

/** Separates list elements and labels in the CSV files: a character no generated value holds. */
export const ARRAY_DELIMITER = '\u001f';
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

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

/** An empty list to set after the import (CSV cannot hold one): which element, which property. */
export interface Fixup {
  group: string;
  id: string;
  key: string;
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
        fixups.push({ group: this.group, id, key });
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

  /** Finishes the data file and writes the header file. */
  async close(): Promise<GroupFiles> {
    await this.drain();
    this.out.end();
    await once(this.out, 'finish');
    const header = [...this.head, ...this.columns.map((key) => `${key}:${this.types.get(key) as CsvType}`)];
    await writeFile(this.headerPath, `${header.join(',')}\n`, 'utf8');
    return { group: this.group, files: `${this.headerPath},${this.dataPath}` };
  }
}

/** One kind's or type's files: the importer's `header,data` list. */
export interface GroupFiles {
  group: string;
  files: string;
}

/** What one writer wrote: files per kind (or type), and the values left for Cypher. */
export interface ImportPart {
  groups: GroupFiles[];
  fixups: Fixup[];
}

export interface PartOptions {
  datasetDir: string;
  /** Where the CSV files go. */
  folder: string;
  records: 'entities' | 'relationships';
}

/** Writes the CSV files of the dataset's entities, or of its relationships, into `folder`. */
export async function writeImportPart({ datasetDir, folder, records }: PartOptions): Promise<ImportPart> {
  const manifest = await readManifest(datasetDir);
  const name = manifest.meta.name;
  await mkdir(folder, { recursive: true });
  const fixups: Fixup[] = [];
  const files = new Map<string, GroupCsv>();
  const csvOf = (group: string, prefix: string, head: string[]) => {
    let csv = files.get(group);
    if (!csv) {
      const base = path.join(folder, `${prefix}${group}`);
      files.set(group, (csv = new GroupCsv(group, `${base}.header.csv`, `${base}.csv`, head)));
    }
    return csv;
  };
  const file = path.join(datasetDir, manifest.files[records]);
  if (records === 'entities') {
    for await (const [line, raw] of readNumberedJsonLines(file)) {
      const parsed = EntityRecordSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidRecordError(file, line, parsed.error.message);
      // The id column is the importer's node id, stored as the `id` property.
      const { id, ...props } = entityProps(parsed.data, name);
      await csvOf(parsed.data.kind, '', ['id:ID']).add(parsed.data.id, [csvCell(id)], props, fixups);
    }
  } else {
    for await (const [line, raw] of readNumberedJsonLines(file)) {
      const parsed = RelationshipRecordSchema.safeParse(raw);
      if (!parsed.success) throw new InvalidRecordError(file, line, parsed.error.message);
      const rel = parsed.data;
      const csv = csvOf(rel.type, 'rel-', [':START_ID', ':END_ID', ':TYPE']);
      await csv.add(rel.id, [csvCell(rel.source), csvCell(rel.target), rel.type], relationshipProps(rel, name), fixups);
    }
  }
  const groups: GroupFiles[] = [];
  for (const csv of files.values()) groups.push(await csv.close());
  return { groups, fixups };
}
