import { SCHEMA_STATEMENTS } from '@explorer/model';
import { Zip, ZipDeflate } from 'fflate';
import { csvRow, quoteCell, textCell } from '../csv-cell.ts';
import { columnTypes, scalarText, type ValueType } from '../property-types.ts';
import { allNodes, isSynthetic, type Properties, type Subgraph } from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';

/** Array delimiters to choose from: neo4j-admin's default first, then ones text rarely holds. */
const DELIMITERS = [';', '|', '\u001f'];

/** The first delimiter no list element contains (neo4j-admin cannot escape it inside a list). */
export function chooseArrayDelimiter(records: readonly Properties[]): string {
  const elements = records.flatMap((p) =>
    Object.values(p).flatMap((v) => (Array.isArray(v) ? (v as unknown[]).map(String) : [])),
  );
  const free = DELIMITERS.find((d) => !elements.some((e) => e.includes(d)));
  if (free === undefined) throw new Error('Every array delimiter occurs inside a list value');
  return free;
}

/**
 * One cell. Missing: empty and unquoted (neo4j-admin sets no property). Text and lists: quoted,
 * so that an empty string or empty list is `""`, and neutralised against formula injection.
 * Numbers and booleans: bare, so that typed columns parse.
 */
function cell(value: Properties[string] | undefined, type: ValueType, delimiter: string): string {
  if (value === undefined) return '';
  if (Array.isArray(value))
    return textCell((value as Array<string | number | bigint | boolean>).map(scalarText).join(delimiter));
  if (type === 'string') return textCell(String(value));
  return scalarText(value);
}

/** Header cells stay bare (as neo4j-admin's documentation writes them) unless CSV needs quotes. */
function headerCell(text: string): string {
  return /[",\r\n]/.test(text) ? quoteCell(text) : text;
}

function* table(
  fixedHeader: readonly string[],
  rows: ReadonlyArray<{ fixed: readonly string[]; properties: Properties }>,
  skip: readonly string[],
  delimiter: string,
): Generator<string> {
  const types = columnTypes(rows.map((r) => r.properties));
  const keys = [...types.keys()].filter((k) => !skip.includes(k)).sort();
  yield csvRow([...fixedHeader, ...keys.map((k) => headerCell(`${k}:${types.get(k) ?? 'string'}`))]);
  for (const row of rows) {
    yield csvRow([...row.fixed, ...keys.map((k) => cell(row.properties[k], types.get(k) ?? 'string', delimiter))]);
  }
}

function importNotes(graph: Subgraph, delimiter: string): string {
  const flag = delimiter === ';' ? '' : ` --array-delimiter=${delimiter === '|' ? "'|'" : "$'\\x1f'"}`;
  return [
    'supply-chain-explorer export for neo4j-admin import',
    `Exported ${graph.scope.exportedAt.toISOString()}: ${graph.scope.nodeIds.join(', ')}, ${graph.scope.hops} hop(s).`,
    isSynthetic(graph) ? 'CONTAINS SYNTHETIC (FICTIONAL) DATA.' : '',
    '',
    'Import into a new, empty database (stop it first):',
    `  neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv --multiline-fields=true${flag} neo4j`,
    'then create the constraints and indexes: cypher-shell -f schema.cypher',
    '',
    'Text cells starting with = + - @ tab, CR or an apostrophe carry one extra leading apostrophe',
    '(formula-injection guard): remove one leading apostrophe from such values to restore them.',
    'A missing value is an empty unquoted cell; "" is an empty string or an empty list.',
    '',
  ].join('\n');
}

/**
 * A zip of nodes.csv and relationships.csv with neo4j-admin import headers (`id:ID`, `:LABEL`,
 * `:START_ID`, `:END_ID`, `:TYPE`, typed columns such as `aliases:string[]`), schema.cypher and
 * IMPORT.txt with the exact command. Written entry by entry, chunk by chunk.
 */
export const csvFormat: ExportFormatWriter = {
  extension: 'zip',
  contentType: 'application/zip',
  *write(graph: Subgraph) {
    const nodes = allNodes(graph);
    const delimiter = chooseArrayDelimiter([
      ...nodes.map((n) => n.properties),
      ...graph.edges.map((e) => e.properties),
    ]);
    const out: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      out.push(chunk);
    });
    const encoder = new TextEncoder();
    function* entry(name: string, parts: Iterable<string>): Generator<Uint8Array> {
      const file = new ZipDeflate(name, { level: 6 });
      zip.add(file);
      for (const part of parts) {
        file.push(encoder.encode(part));
        yield* out.splice(0);
      }
      file.push(new Uint8Array(0), true);
      yield* out.splice(0);
    }
    yield* entry(
      'nodes.csv',
      table(
        ['id:ID', ':LABEL'],
        nodes.map((n) => ({
          fixed: [textCell(n.id), quoteCell(`Entity${delimiter}${n.kind}`)],
          properties: n.properties,
        })),
        ['id'],
        delimiter,
      ),
    );
    yield* entry(
      'relationships.csv',
      table(
        [':START_ID', ':END_ID', ':TYPE'],
        graph.edges.map((e) => ({
          fixed: [textCell(e.source), textCell(e.target), quoteCell(e.type)],
          properties: e.properties,
        })),
        [],
        delimiter,
      ),
    );
    yield* entry(
      'schema.cypher',
      SCHEMA_STATEMENTS.map((s) => `${s.replace(/\s+/g, ' ')};\n`),
    );
    yield* entry('IMPORT.txt', [importNotes(graph, delimiter)]);
    zip.end();
    yield* out.splice(0);
  },
};
