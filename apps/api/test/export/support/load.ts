// Loaders that put an export back into an empty database, each the way a user of the format would:
// the graph JSON and the CSV through parameterised UNWIND (no LOAD CSV), the Cypher script as is.
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type EntityKind, type Graph, type RelationshipType } from '@explorer/model';
import neo4j from 'neo4j-driver';
import type { Database } from '../../../src/db/database.ts';
import { unneutraliseCell } from '../../../src/export/csv-cell.ts';
import { parseCsv, type Cell } from './csv-parse.ts';

type Row = { id: string; props: Record<string, unknown> };
type EdgeRow = Row & { source: string; target: string };

async function run(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  await db.driver.executeQuery(cypher, params, { database: db.database });
}

/** Writes nodes by kind and edges by type; labels and types only from the model's lists. */
async function write(
  db: Database,
  nodes: Array<Row & { kind: EntityKind }>,
  edges: Array<EdgeRow & { type: RelationshipType }>,
): Promise<void> {
  for (const kind of ENTITY_KINDS) {
    const rows = nodes.filter((n) => n.kind === kind);
    if (rows.length > 0)
      await run(db, `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props, n:${kind}`, { rows });
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = edges.filter((e) => e.type === type);
    if (rows.length === 0) continue;
    await run(
      db,
      `UNWIND $rows AS row MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
       MERGE (a)-[r:${type} {id: row.id}]->(b) SET r = row.props`,
      { rows },
    );
  }
}

/** The json export: nodes and cited sources, edges (JSON numbers load as floats). */
export async function loadJsonExport(db: Database, text: string): Promise<void> {
  const file = JSON.parse(text) as Graph & { sources: Graph['nodes'] };
  await write(
    db,
    [...file.nodes, ...file.sources].map((n) => ({
      id: n.id,
      kind: n.kind,
      props: { ...n.properties, id: n.id, name: n.name },
    })),
    file.edges.map((e) => ({
      id: e.id,
      type: e.type,
      source: e.source,
      target: e.target,
      props: { ...e.properties, id: e.id },
    })),
  );
}

/** The cypher export as cypher-shell runs it: statement by statement (one per line), each committed. */
export async function runCypherScript(db: Database, script: string): Promise<number> {
  const statements = script.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('//'));
  for (const statement of statements) await run(db, statement);
  return statements.length;
}

function convert(text: string, type: string): unknown {
  if (type === 'double') return Number(text);
  if (type === 'long') return neo4j.int(text);
  if (type === 'boolean') return text === 'true';
  return text;
}

/** One CSV row as properties, read as neo4j-admin would, but with the formula guard undone. */
function rowProps(header: Cell[], row: Cell[], delimiter: string, skip: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  header.forEach((h, i) => {
    const [key = '', type = 'string'] = h.text.split(':');
    if (skip.includes(h.text)) return;
    const cell = row[i];
    if (!cell || (!cell.quoted && cell.text === '')) return;
    const text = cell.quoted ? unneutraliseCell(cell.text) : cell.text;
    const name = key === '' ? h.text : key;
    if (type.endsWith('[]')) {
      const element = type.slice(0, -2);
      props[name] = text === '' ? [] : text.split(delimiter).map((t) => convert(t, element));
    } else props[name] = convert(text, h.text.endsWith(':ID') ? 'string' : type);
  });
  return props;
}

/** The csv export's two files, through UNWIND. */
export async function loadCsvExport(db: Database, files: Record<string, string>): Promise<void> {
  const match = /--array-delimiter=(?:'(.)'|\$'\\x1f')/.exec(files['IMPORT.txt'] ?? '');
  const delimiter = match ? (match[1] ?? '\u001f') : ';';
  const [nodeHeader = [], ...nodeRows] = parseCsv(files['nodes.csv'] ?? '');
  const labelAt = nodeHeader.findIndex((h) => h.text === ':LABEL');
  const nodes = nodeRows.map((row) => {
    const props = rowProps(nodeHeader, row, delimiter, [':LABEL']);
    const labels = unneutraliseCell(row[labelAt]?.text ?? '').split(delimiter);
    const kind = ENTITY_KINDS.find((k) => labels.includes(k));
    if (!kind) throw new Error(`no kind in ${labels.join(',')}`);
    return { id: String(props['id']), kind, props };
  });
  const [relHeader = [], ...relRows] = parseCsv(files['relationships.csv'] ?? '');
  const edges = relRows.map((row) => {
    const [source, target, type] = row.slice(0, 3).map((c) => unneutraliseCell(c.text));
    const props = rowProps(relHeader, row, delimiter, [':START_ID', ':END_ID', ':TYPE']);
    const known = RELATIONSHIP_TYPES.find((t) => t === type);
    if (!known) throw new Error(`unknown type ${String(type)}`);
    return { id: String(props['id']), type: known, source: source ?? '', target: target ?? '', props };
  });
  await write(db, nodes, edges);
}

/** Empties a database completely: data, constraints and indexes. */
export async function wipe(db: Database): Promise<void> {
  await run(db, 'MATCH (n) DETACH DELETE n');
  for (const what of ['CONSTRAINTS', 'INDEXES']) {
    const { records } = await db.driver.executeQuery(
      `SHOW ${what} YIELD name, type RETURN name, type`,
      {},
      { database: db.database },
    );
    for (const r of records) {
      if (r.get('type') === 'LOOKUP') continue;
      await run(db, `DROP ${what === 'CONSTRAINTS' ? 'CONSTRAINT' : 'INDEX'} \`${String(r.get('name'))}\` IF EXISTS`);
    }
  }
}
