import { GraphSchema } from '@explorer/model';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { unneutraliseCell } from '../../src/export/csv-cell.ts';
import { exportFileName } from '../../src/export/file-name.ts';
import { parseCsv } from './support/csv-parse.ts';
import { HOSTILE_NAMES, hostileSubgraph } from './support/hostile.ts';
import { renderBytes, renderText, unzipText } from './support/render.ts';
import { findAll, parseXml, xmllintErrors } from './support/xml.ts';

const graph = hostileSubgraph();
const names = [...HOSTILE_NAMES];
const FORMULA = /^[=+\-@\t\r]/;

describe('export formats under hostile content (in memory)', () => {
  it('json: names, notes and the cited source survive; sources listed apart', () => {
    const parsed = JSON.parse(renderText('json', graph)) as { nodes: unknown; edges: unknown; sources: unknown };
    const { nodes, edges } = GraphSchema.parse({ nodes: parsed.nodes, edges: parsed.edges });
    expect(nodes.map((n) => n.name)).toEqual(names);
    expect(nodes[0]?.properties['description']).toBe(graph.nodes[0]?.properties['description']);
    expect(edges.map((e) => e.properties['note'])).toEqual(names.slice(1));
    expect(GraphSchema.shape.nodes.parse(parsed.sources).map((s) => s.id)).toEqual(['test-hostile-source']);
  });

  it('cyjs: loads into Cytoscape.js headless with the same counts and names', () => {
    const parsed = JSON.parse(renderText('cyjs', graph)) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: parsed.elements });
    expect(cy.nodes().length).toBe(graph.nodes.length + graph.sources.length);
    expect(cy.edges().length).toBe(graph.edges.length);
    expect(names.map((_, i) => cy.getElementById(`test-hostile-${i}`).data('name') as unknown)).toEqual(names);
    expect(cy.edges().map((e) => e.data('interaction') as unknown)).toEqual(graph.edges.map(() => 'COOPERATES_WITH'));
  });

  it('graphml: well-formed, a typed key for every property, names kept, illegal XML characters dropped', async () => {
    const xml = renderText('graphml', graph);
    expect(await xmllintErrors(xml)).toEqual([]);
    const root = parseXml(xml);
    const keys = new Map(findAll(root, 'key').map((k) => [k.attributes['id'], k.attributes]));
    for (const key of keys.values()) expect(['string', 'double', 'long', 'boolean']).toContain(key['attr.type']);
    const nodeKeyNames = [...keys.values()].filter((k) => k['for'] === 'node').map((k) => k['attr.name']);
    expect(nodeKeyNames).toEqual(
      expect.arrayContaining(['label', 'kind', 'labels', ...Object.keys(graph.nodes[0]?.properties ?? {})]),
    );
    expect([...keys.values()].find((k) => k['attr.name'] === 'quantity')?.['attr.type']).toBe('double');
    const valueOf = (node: ReturnType<typeof parseXml>, name: string) =>
      node.children.find((d) => keys.get(d.attributes['key'])?.['attr.name'] === name)?.text;
    const nodes = findAll(root, 'node');
    expect(names.map((_, i) => valueOf(nodes[i] ?? root, 'name'))).toEqual(names);
    expect(names.map((_, i) => valueOf(nodes[i] ?? root, 'label'))).toEqual(names);
    expect(valueOf(nodes[0] ?? root, 'description')).toBe('bell and escape');
    expect(valueOf(nodes[0] ?? root, 'kind')).toBe('Company');
    expect(JSON.parse(valueOf(nodes[0] ?? root, 'aliases') ?? '')).toEqual(graph.nodes[0]?.properties['aliases']);
  });

  it('gexf: well-formed GEXF 1.3 with labels kept and dates as day spells', async () => {
    const xml = renderText('gexf', graph);
    expect(await xmllintErrors(xml)).toEqual([]);
    const root = parseXml(xml);
    expect(root.attributes).toMatchObject({ xmlns: 'http://gexf.net/1.3', version: '1.3' });
    expect(findAll(root, 'graph')[0]?.attributes).toMatchObject({ mode: 'dynamic', timeformat: 'date' });
    expect(
      findAll(root, 'node')
        .slice(0, names.length)
        .map((n) => n.attributes['label']),
    ).toEqual(names);
    const edge = findAll(root, 'edge')[0];
    expect(edge?.attributes['label']).toBe('COOPERATES_WITH');
    expect(findAll(edge ?? root, 'spell')[0]?.attributes).toEqual({ start: '2019-10-01', end: '2020-12-31' });
    const titles = new Map(findAll(root, 'attribute').map((a) => [`${a.attributes['id']}`, a.attributes['title']]));
    const note = findAll(edge ?? root, 'attvalue').find((v) => titles.get(v.attributes['for'] ?? '') === 'note');
    expect(note?.attributes['value']).toBe(names[1]);
  });

  it('csv: neo4j-admin headers, names restored by removing the formula guard, no live formula', () => {
    const files = unzipText(renderBytes('csv', graph));
    expect(Object.keys(files).sort()).toEqual(['IMPORT.txt', 'nodes.csv', 'relationships.csv', 'schema.cypher']);
    const [header = [], ...rows] = parseCsv(files['nodes.csv'] ?? '');
    const columns = header.map((c) => c.text);
    expect(columns.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    expect(columns).toEqual(
      expect.arrayContaining(['name:string', 'aliases:string[]', 'quantity:double', 'synthetic:boolean']),
    );
    const nameAt = columns.indexOf('name:string');
    const cells = rows.map((r) => r[nameAt]?.text ?? '');
    expect(cells.slice(0, names.length).map(unneutraliseCell)).toEqual(names);
    for (const row of rows) for (const cell of row) expect(cell.text).not.toMatch(FORMULA);
    // Aliases hold ";" and "|", so the unit separator delimits lists and IMPORT.txt says so.
    expect(rows[0]?.[columns.indexOf('aliases:string[]')]?.text.split('\u001f').map(unneutraliseCell)).toHaveLength(2);
    expect(files['IMPORT.txt']).toContain("--array-delimiter=$'\\x1f'");
    const [relHeader = []] = parseCsv(files['relationships.csv'] ?? '');
    expect(relHeader.slice(0, 3).map((c) => c.text)).toEqual([':START_ID', ':END_ID', ':TYPE']);
  });

  it('cypher: one statement per line, every literal on its line', () => {
    const lines = renderText('cypher', graph)
      .split('\n')
      .filter((l) => l.length > 0);
    for (const line of lines) expect(line.startsWith('//') || line.endsWith(';')).toBe(true);
    const merges = lines.filter((l) => l.startsWith('UNWIND')).join('\n');
    expect(merges.match(/MERGE \(n:Entity \{id: row\.id\}\) SET n = row, n:(Company|Source)/g)).toHaveLength(2);
    expect(lines.some((l) => l.includes('O\\\'Brien \\"Quoted\\" & Sons'))).toBe(true);
  });

  it('ftm: JSON lines whose names, schemas and links survive', () => {
    const entities = renderText('ftm', graph)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const companies = entities.filter((e) => e.schema === 'Company');
    expect(companies.map((c) => c.properties['name']?.[0])).toEqual(names);
    expect(entities.find((e) => e.schema === 'Document')?.properties['sourceUrl']).toEqual([
      'https://example.org/a?b=1&c=<2>',
    ]);
    const links = entities.filter((e) => e.schema === 'UnknownLink');
    expect(links).toHaveLength(graph.edges.length);
    expect(links[0]?.properties).toMatchObject({
      subject: ['test-hostile-0'],
      object: ['test-hostile-1'],
      proof: ['test-hostile-source'],
    });
  });

  it('sources-md: every fact listed, nothing Markdown or HTML could act on left unescaped', () => {
    const md = renderText('sources-md', graph);
    expect(md).not.toMatch(/(?<!\\)[<>]/);
    const unescaped = md.replace(/\\(.)/g, '$1');
    expect(unescaped).toContain('Report <b>"one"</b> & 报告');
    for (const name of names) expect(unescaped).toContain(name.replace(/\r\n|\r|\n/g, ' '));
  });

  it('sources-csv: one row per fact, formula cells neutralised and restorable', () => {
    const [header = [], ...rows] = parseCsv(renderText('sources-csv', graph));
    expect(header.map((c) => c.text)).toContain('fact');
    expect(rows).toHaveLength(graph.nodes.length + graph.edges.length);
    for (const row of rows) for (const cell of row) expect(cell.text).not.toMatch(FORMULA);
    const facts = rows.map((r) => unneutraliseCell(r.at(-1)?.text ?? ''));
    expect(facts.some((f) => f.startsWith(names[3] ?? ''))).toBe(true);
  });

  it('names the file by what and when, marking synthetic data', () => {
    expect(exportFileName(graph, 'graphml')).toBe('explorer_test-hostile-0_1hop_synthetic_20260102T030405Z.graphml');
  });
});
