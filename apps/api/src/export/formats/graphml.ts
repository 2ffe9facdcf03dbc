import { columnTypes, type ValueType } from '../property-types.ts';
import { allNodes, isSynthetic, nameOf, type Properties, type Subgraph } from '../subgraph.ts';
import { xmlEscape, xmlToken } from '../xml.ts';
import type { ExportFormatWriter } from './format.ts';
import { XML_ATTRIBUTE_TYPE, xmlValueText } from './xml-values.ts';

interface Key {
  id: string;
  name: string;
  type: ValueType;
}

/** Typed keys for one domain: the fixed ones (label, kind/type, labels) then every property. */
function keysFor(domain: 'node' | 'edge', records: readonly Properties[], fixed: readonly string[]): Key[] {
  const prefix = domain === 'node' ? 'n' : 'e';
  const types = columnTypes(records);
  const names = [...fixed, ...[...types.keys()].filter((k) => !fixed.includes(k)).sort()];
  return names.map((name, i) => ({ id: `${prefix}${i}`, name, type: types.get(name) ?? 'string' }));
}

function* dataElements(keys: readonly Key[], values: Properties, indent: string): Generator<string> {
  for (const key of keys) {
    const value = values[key.name];
    if (value === undefined) continue;
    yield `${indent}<data key="${key.id}">${xmlEscape(xmlValueText(value, key.type))}</data>\n`;
  }
}

/**
 * GraphML (valid against graphml.xsd): a typed <key> for every property; `label` holds the name
 * (node) or type (edge) for Gephi and yEd, `kind`/`type` and `labels` keep Neo4j's labels and type.
 * Lists are JSON text in string keys.
 */
export const graphmlFormat: ExportFormatWriter = {
  extension: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  *write(graph: Subgraph) {
    const nodes = allNodes(graph).map((n) => ({
      id: n.id,
      values: { label: nameOf(n), kind: n.kind, labels: `:Entity:${n.kind}`, ...n.properties } as Properties,
    }));
    const edges = graph.edges.map((e) => ({
      e,
      values: { label: e.type, type: e.type, ...e.properties } as Properties,
    }));
    const nodeKeys = keysFor(
      'node',
      nodes.map((n) => n.values),
      ['label', 'kind', 'labels'],
    );
    const edgeKeys = keysFor(
      'edge',
      edges.map((e) => e.values),
      ['label', 'type'],
    );

    yield '<?xml version="1.0" encoding="UTF-8"?>\n';
    yield (
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    );
    yield `  <!-- supply-chain-explorer export ${xmlEscape(graph.scope.exportedAt.toISOString())}${
      isSynthetic(graph) ? '; contains SYNTHETIC (fictional) data' : ''
    } -->\n`;
    for (const [domain, keys] of [
      ['node', nodeKeys],
      ['edge', edgeKeys],
    ] as const) {
      for (const key of keys) {
        yield `  <key id="${key.id}" for="${domain}" attr.name="${xmlToken(key.name)}" attr.type="${XML_ATTRIBUTE_TYPE[key.type]}"/>\n`;
      }
    }
    yield '  <graph id="G" edgedefault="directed">\n';
    for (const node of nodes) {
      yield `    <node id="${xmlEscape(node.id)}">\n`;
      yield* dataElements(nodeKeys, node.values, '      ');
      yield '    </node>\n';
    }
    for (const { e, values } of edges) {
      yield `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">\n`;
      yield* dataElements(edgeKeys, values, '      ');
      yield '    </edge>\n';
    }
    yield '  </graph>\n</graphml>\n';
  },
};
