import type { GraphEdge, GraphNode } from '@explorer/model';
import type { StylesheetJson } from 'cytoscape';

// Per-kind colours and shapes live in the model, shared with the HTML export.
export { KIND_STYLE } from '@explorer/model';

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
  // A big canvas (see bigCanvas.ts): names only on selected entities and found paths, and straight
  // relationships. Drawing thousands of labels froze pan and zoom for seconds (canvas benchmark).
  { selector: 'node.big', style: { label: '' } },
  { selector: 'node.big:selected, node.big.highlighted', style: { label: 'data(label)' } },
  { selector: 'edge.big', style: { 'curve-style': 'straight' } },
];
