import type { EntityKind } from './entities.ts';

/**
 * How every view draws an entity kind (the web canvas and the HTML export), in one place. Colours
 * are the Okabe–Ito palette (readable with every common colour-vision deficiency), and every kind
 * also has its own Cytoscape shape, so colour is never the only cue.
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
