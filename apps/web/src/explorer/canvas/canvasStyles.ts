import type { EntityKind, GraphEdge, GraphNode } from '@explorer/model';
import type { StylesheetJson } from 'cytoscape';

/**
 * How the canvas draws the graph, in one place. Colours are the Okabe–Ito palette (readable with
 * every common colour-vision deficiency), and every kind also has its own shape, so colour is never
 * the only cue. Flags are drawn as border styles and spelled out in the label.
 */
export const KIND_STYLE: Record<EntityKind, { colour: string; shape: string; label: string }> = {
  Company: { colour: '#0072B2', shape: 'round-rectangle', label: 'Company' },
  PublicSecurityBody: { colour: '#D55E00', shape: 'octagon', label: 'Public-security body' },
  GovernmentBody: { colour: '#CC79A7', shape: 'hexagon', label: 'Government body' },
  Person: { colour: '#E69F00', shape: 'ellipse', label: 'Person' },
  Product: { colour: '#009E73', shape: 'diamond', label: 'Product' },
  TechnologyCategory: { colour: '#56B4E9', shape: 'tag', label: 'Technology category' },
  Procurement: { colour: '#F0E442', shape: 'rectangle', label: 'Procurement' },
  Source: { colour: '#BBBBBB', shape: 'round-tag', label: 'Source' },
  ControlList: { colour: '#000000', shape: 'vee', label: 'Control list' },
  Event: { colour: '#999999', shape: 'triangle', label: 'Event' },
};

const LABEL_MAX = 48;
const shorten = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/** The node's label: its name, then its flags in words (the badge a reader sees on the canvas). */
export function nodeLabel(node: GraphNode): string {
  const badges = [
    ...node.flags.listings.map((l) => `⚑ ${l.listName}${l.date ? ` ${l.date}` : ''}`),
    ...(node.flags.synthetic ? ['✱ synthetic'] : []),
  ];
  return [shorten(node.name), ...badges].join('\n');
}

/** The edge's label: its type, and its dates when it has some. */
export function edgeLabel(edge: GraphEdge): string {
  const from = edge.properties['from'];
  const to = edge.properties['to'];
  const dates = [from, to].filter((d) => typeof d === 'string').join('–');
  return dates ? `${edge.type} (${dates})` : edge.type;
}

export const CANVAS_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'background-color': 'data(colour)',
      shape: 'data(shape)' as never,
      width: 34,
      height: 34,
      'border-width': 1.5,
      'border-color': '#1d2430',
      color: '#1d2430',
      'font-size': 11,
      'text-wrap': 'wrap',
      'text-max-width': '160px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'min-zoomed-font-size': 7,
    },
  },
  // Entity-Listed: a thick double border in vermilion, on top of the ⚑ line in the label.
  { selector: 'node[?listed]', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#A63A00' } },
  // Synthetic: a dashed purple border, on top of the ✱ line in the label.
  { selector: 'node[?synthetic]', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#3d2c8d' } },
  { selector: 'node[?group]', style: { 'background-opacity': 0.55 } },
  { selector: 'node.pinned', style: { 'outline-width': 2, 'outline-color': '#1d2430', 'outline-offset': 3 } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      width: 1.5,
      'line-color': '#7a8494',
      'target-arrow-color': '#7a8494',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      'font-size': 9,
      color: '#333c4a',
      'text-rotation': 'autorotate',
      'text-background-color': '#f6f7f9',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 8,
    },
  },
  { selector: 'edge[?synthetic]', style: { 'line-style': 'dashed' } },
  {
    selector: ':selected',
    style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
  },
  { selector: 'edge.highlighted', style: { width: 5, 'line-color': '#0072B2', 'target-arrow-color': '#0072B2' } },
  {
    selector: 'node.highlighted',
    style: { 'underlay-color': '#0072B2', 'underlay-opacity': 0.35, 'underlay-padding': 8 },
  },
  { selector: '.faded', style: { opacity: 0.25 } },
];
