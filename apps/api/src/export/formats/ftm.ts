import {
  FTM_EDGE_SCHEMA,
  FTM_NODE_PROPERTY,
  FTM_NODE_SCHEMA,
  FTM_NOTE_PROPERTIES,
  FTM_SYNTHETIC_NOTE,
} from '@explorer/model';
import { scalarText } from '../property-types.ts';
import {
  allNodes,
  citedIds,
  indexOf,
  nameOf,
  type Properties,
  type Subgraph,
  type SubgraphEdge,
  type SubgraphNode,
} from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';

type FtmProperties = Record<string, string[]>;

function add(out: FtmProperties, key: string, value: Properties[string] | undefined): void {
  if (value === undefined) return;
  const values = (Array.isArray(value) ? value : [value]).map((v) => scalarText(v as string)).filter((v) => v !== '');
  if (values.length > 0) out[key] = [...(out[key] ?? []), ...values];
}

function nodeEntity(node: SubgraphNode, schema: string, graph: Subgraph, urls: Map<string, string>): object {
  const p = node.properties;
  const out: FtmProperties = { name: [nameOf(node)] };
  if (schema === 'Document') out['title'] = [nameOf(node)];
  for (const [ours, theirs] of Object.entries(FTM_NODE_PROPERTY)) add(out, theirs, p[ours]);
  for (const key of FTM_NOTE_PROPERTIES) if (p[key] !== undefined) add(out, 'notes', `${key}: ${noteText(p[key])}`);
  if (p['group'] === true) add(out, 'notes', 'stands for a group of unnamed bodies, not one body');
  if (p['synthetic'] === true) add(out, 'notes', FTM_SYNTHETIC_NOTE);
  if (schema === 'Contract') {
    const buyers = (indexOf(graph).edgesFrom.get(node.id) ?? []).filter((e) => e.type === 'BUYER').map((e) => e.target);
    add(out, 'authority', buyers);
  }
  add(out, 'sourceUrl', citedUrls(p, urls));
  return { id: node.id, schema, properties: out, datasets: datasetOf(p) };
}

function edgeEntity(edge: SubgraphEdge, graph: Subgraph, urls: Map<string, string>): object | null {
  const rule = FTM_EDGE_SCHEMA[edge.type];
  if (!rule) return null;
  const p = edge.properties;
  const out: FtmProperties = {};
  const names = indexOf(graph).nameById;
  if (edge.type === 'LISTED_ON') {
    // A listing is a Sanction: the list's name is its authority and programme, not an entity.
    add(out, 'entity', edge.source);
    add(out, 'authority', names.get(edge.target) ?? edge.target);
    add(out, 'program', names.get(edge.target) ?? edge.target);
    add(out, 'listingDate', p['from']);
    add(out, 'reason', p['citation']);
  } else {
    add(out, rule.start, edge.source);
    add(out, rule.end, edge.target);
  }
  for (const [key, value] of Object.entries(rule.fixed ?? {})) add(out, key, value);
  add(out, 'startDate', p['from']);
  add(out, 'endDate', p['to']);
  add(out, 'percentage', p['share'] ?? p['stake']);
  add(out, 'amount', p['amount']);
  add(out, 'currency', p['currency']);
  add(out, 'status', p['status']);
  add(out, 'description', p['note']);
  add(out, 'summary', p['quote']);
  if (p['items'] !== undefined) add(out, 'notes', `items: ${noteText(p['items'])}`);
  if (p['confidence'] !== undefined) add(out, 'notes', `confidence: ${noteText(p['confidence'])}`);
  if (p['synthetic'] === true) add(out, 'notes', FTM_SYNTHETIC_NOTE);
  // Only Documents the file holds: FtM references must resolve inside it.
  add(
    out,
    'proof',
    citedIds(p).filter((id) => names.has(id)),
  );
  add(out, 'sourceUrl', citedUrls(p, urls));
  return { id: edge.id, schema: rule.schema, properties: out, datasets: datasetOf(p) };
}

const noteText = (v: Properties[string] | undefined) =>
  Array.isArray(v) ? v.map((x) => scalarText(x as string)).join(', ') : v === undefined ? '' : scalarText(v);

const datasetOf = (p: Properties) => (typeof p['dataset'] === 'string' ? [p['dataset']] : []);

function citedUrls(p: Properties, urls: Map<string, string>): string[] {
  return citedIds(p).flatMap((id) => (urls.has(id) ? [urls.get(id) as string] : []));
}

/**
 * FollowTheMoney entities as JSON lines ({ id, schema, properties, datasets }), for Aleph's and
 * OpenSanctions' tools: the closest FtM schema for each kind and relationship; Sources become
 * Documents that relationships cite as `proof`. An entity or relationship without a counterpart
 * (and a relationship with an end that has none) is left out: the README lists them.
 */
export const ftmFormat: ExportFormatWriter = {
  extension: 'ftm.json',
  contentType: 'application/x-ndjson; charset=utf-8',
  *write(graph: Subgraph) {
    const nodes = allNodes(graph);
    const urls = new Map(
      nodes.flatMap((n) =>
        n.kind === 'Source' && typeof n.properties['url'] === 'string' ? [[n.id, n.properties['url']]] : [],
      ),
    );
    const mapped = new Set<string>();
    for (const node of nodes) {
      const schema = FTM_NODE_SCHEMA[node.kind];
      if (!schema) continue;
      mapped.add(node.id);
      yield `${JSON.stringify(nodeEntity(node, schema, graph, urls))}\n`;
    }
    for (const edge of graph.edges) {
      const endsMapped = mapped.has(edge.source) && (edge.type === 'LISTED_ON' || mapped.has(edge.target));
      const entity = endsMapped ? edgeEntity(edge, graph, urls) : null;
      if (entity) yield `${JSON.stringify(entity)}\n`;
    }
  },
};
