import { columnTypes, type ValueType } from '../property-types.ts';
import { firstDay, lastDay } from '../dates.ts';
import {
  allNodes,
  describeScope,
  isSynthetic,
  nameOf,
  type Properties,
  type Subgraph,
  type SubgraphNode,
} from '../subgraph.ts';
import { xmlEscape } from '../xml.ts';
import type { ExportFormatWriter } from './format.ts';
import { XML_ATTRIBUTE_TYPE, xmlValueText } from './xml-values.ts';

interface Spell {
  start: string | null;
  end: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * When a fact holds, as a GEXF spell of whole days: a relationship's from/to; a dated entity's
 * date (procurements and events), or its period; a source from its publication on. Partial dates
 * widen to the whole year or month.
 */
function spellOf(properties: Properties, kind?: SubgraphNode['kind']): Spell | null {
  const from = text(properties['from']) ?? text(properties['periodStart']) ?? text(properties['date']);
  const to =
    text(properties['to']) ??
    text(properties['periodEnd']) ??
    (kind === 'Source' || properties['from'] !== undefined ? null : text(properties['date']));
  const spell = { start: from ? firstDay(from) : null, end: to ? lastDay(to) : null };
  return spell.start || spell.end ? spell : null;
}

function* spells(spell: Spell | null, indent: string): Generator<string> {
  if (!spell) return;
  const start = spell.start ? ` start="${spell.start}"` : '';
  const end = spell.end ? ` end="${spell.end}"` : '';
  yield `${indent}<spells><spell${start}${end}/></spells>\n`;
}

function attributeList(records: readonly Properties[]): Array<{ id: string; title: string; type: ValueType }> {
  const types = columnTypes(records);
  return [...types.keys()].sort().map((title, i) => ({ id: String(i), title, type: types.get(title) ?? 'string' }));
}

function* attvalues(
  attributes: ReadonlyArray<{ id: string; title: string; type: ValueType }>,
  values: Properties,
  indent: string,
): Generator<string> {
  yield `${indent}<attvalues>\n`;
  for (const a of attributes) {
    const value = values[a.title];
    if (value === undefined) continue;
    yield `${indent}  <attvalue for="${a.id}" value="${xmlEscape(xmlValueText(value, a.type))}"/>\n`;
  }
  yield `${indent}</attvalues>\n`;
}

/**
 * GEXF 1.3 for Gephi: a dynamic, directed graph whose dated facts carry spells (timeformat "date");
 * node label = name, edge label = relationship type; every property an attribute (kind and type too).
 */
export const gexfFormat: ExportFormatWriter = {
  extension: 'gexf',
  contentType: 'application/gexf+xml; charset=utf-8',
  *write(graph: Subgraph) {
    const nodes = allNodes(graph).map((n) => ({ n, values: { kind: n.kind, ...n.properties } as Properties }));
    const edges = graph.edges.map((e) => ({ e, values: { type: e.type, ...e.properties } as Properties }));
    const nodeAttributes = attributeList(nodes.map((n) => n.values));
    const edgeAttributes = attributeList(edges.map((e) => e.values));
    const description = `Subgraph of ${describeScope(graph.scope)}${
      isSynthetic(graph) ? '; contains SYNTHETIC (fictional) data' : ''
    }`;

    yield '<?xml version="1.0" encoding="UTF-8"?>\n';
    yield (
      '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
    );
    yield `  <meta lastmodifieddate="${graph.scope.exportedAt.toISOString().slice(0, 10)}">\n`;
    yield '    <creator>supply-chain-explorer</creator>\n';
    yield `    <description>${xmlEscape(description)}</description>\n  </meta>\n`;
    yield '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n';
    for (const [cls, attributes] of [
      ['node', nodeAttributes],
      ['edge', edgeAttributes],
    ] as const) {
      // No mode="static": it is the default, and the 1.3 RELAX NG grammar (the normative one) has no such attribute.
      yield `    <attributes class="${cls}">\n`;
      for (const a of attributes) {
        yield `      <attribute id="${a.id}" title="${xmlEscape(a.title)}" type="${XML_ATTRIBUTE_TYPE[a.type]}"/>\n`;
      }
      yield '    </attributes>\n';
    }
    yield '    <nodes>\n';
    for (const { n, values } of nodes) {
      yield `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(nameOf(n))}">\n`;
      yield* attvalues(nodeAttributes, values, '        ');
      yield* spells(spellOf(n.properties, n.kind), '        ');
      yield '      </node>\n';
    }
    yield '    </nodes>\n    <edges>\n';
    for (const { e, values } of edges) {
      yield `      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" label="${e.type}">\n`;
      yield* attvalues(edgeAttributes, values, '        ');
      yield* spells(spellOf(e.properties), '        ');
      yield '      </edge>\n';
    }
    yield '    </edges>\n  </graph>\n</gexf>\n';
  },
};
