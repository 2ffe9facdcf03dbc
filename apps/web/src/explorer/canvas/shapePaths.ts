/**
 * SVG path of each Cytoscape node shape the canvas uses, in a 24×24 box: the legend's swatches and
 * the nodes of an SVG or PNG export are drawn from them.
 */
export const SHAPE_BOX = 24;
export const SHAPE_PATH: Record<string, string> = {
  'round-rectangle': 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  octagon: 'M8 2h8l6 6v8l-6 6H8l-6-6V8z',
  hexagon: 'M6 3h12l5 9-5 9H6l-5-9z',
  ellipse: 'M12 2a10 10 0 1 0 0.01 0z',
  diamond: 'M12 1l11 11-11 11L1 12z',
  tag: 'M2 4h14l6 8-6 8H2z',
  rectangle: 'M3 3h18v18H3z',
  'round-tag': 'M4 4h12l6 8-6 8H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
  vee: 'M2 3l10 6 10-6-10 19z',
  triangle: 'M12 2l10 20H2z',
};

/** How the legend explains the border styles, in words (the canvas, and exported pictures). */
export const LEGEND_FLAGS = {
  listed: '⚑ on a control list (double border)',
  synthetic: '✱ synthetic, invented (dashed)',
} as const;
