import { ENTITY_KINDS } from '@explorer/model';
import type { Core, NodeSingular } from 'cytoscape';
import { KIND_STYLE } from '../explorer/canvas/canvasStyles.ts';
import { LEGEND_FLAGS, SHAPE_BOX, SHAPE_PATH } from '../explorer/canvas/shapePaths.ts';

/** The legend under an exported picture: every kind's shape and colour, then the border styles. */
const LEGEND: { shape?: string; colour?: string; text: string }[] = [
  ...ENTITY_KINDS.map((kind) => ({ ...KIND_STYLE[kind], text: KIND_STYLE[kind].label })),
  { text: LEGEND_FLAGS.listed },
  { text: LEGEND_FLAGS.synthetic },
];
const LEGEND_COLUMNS = 3;
const LEGEND_ROW = 22;
const LEGEND_COLUMN_WIDTH = 250;
const legendHeight = () => Math.ceil(LEGEND.length / LEGEND_COLUMNS) * LEGEND_ROW + 16;
const legendCell = (i: number) => ({
  x: 12 + (i % LEGEND_COLUMNS) * LEGEND_COLUMN_WIDTH,
  y: 8 + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW,
});

/** The canvas as a PNG, as shown (every element, at twice the screen's scale), with the legend below. */
export async function canvasPng(cy: Core): Promise<Blob> {
  const scale = 2;
  const picture = await cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff', maxWidth: 8000 });
  const bitmap = await createImageBitmap(picture);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(bitmap.width, LEGEND_COLUMNS * LEGEND_COLUMN_WIDTH * scale);
  canvas.height = bitmap.height + legendHeight() * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a PNG.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0);
  context.scale(scale, scale);
  context.translate(0, bitmap.height / scale);
  context.font = '13px sans-serif';
  context.textBaseline = 'middle';
  LEGEND.forEach((item, i) => {
    const { x, y } = legendCell(i);
    if (item.shape && item.colour) {
      context.save();
      context.translate(x, y);
      context.scale(16 / SHAPE_BOX, 16 / SHAPE_BOX);
      const path = new Path2D(SHAPE_PATH[item.shape]);
      context.fillStyle = item.colour;
      context.fill(path);
      context.strokeStyle = '#1d2430';
      context.stroke(path);
      context.restore();
    }
    context.fillStyle = '#1d2430';
    context.fillText(item.text, x + 22, y + 8);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
  );
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Multi-line text centred on x, first line at y. */
function svgText(text: string, x: number, y: number, size: number, colour: string): string {
  const lines = text
    .split('\n')
    .map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : size * 1.2}">${escapeXml(line)}</tspan>`);
  return `<text x="${x}" y="${y}" font-size="${size}" text-anchor="middle" fill="${colour}">${lines.join('')}</text>`;
}

/** A node's shape path, centred on its position, with the border that tells its flags. */
function svgNode(node: NodeSingular): string {
  const { x, y } = node.position();
  const size = node.width();
  const shape = SHAPE_PATH[String(node.data('shape'))] ?? SHAPE_PATH['ellipse'];
  const listed = node.data('listed') === true;
  const synthetic = node.data('synthetic') === true;
  const border = listed
    ? 'stroke="#A63A00" stroke-width="3"'
    : synthetic
      ? 'stroke="#3d2c8d" stroke-width="2" stroke-dasharray="3 2"'
      : 'stroke="#1d2430" stroke-width="1"';
  const k = size / SHAPE_BOX;
  const opacity = node.data('group') === true ? ' fill-opacity="0.55"' : '';
  return (
    `<g transform="translate(${x - size / 2} ${y - size / 2}) scale(${k})">` +
    `<path d="${shape}" fill="${escapeXml(String(node.data('colour')))}"${opacity} ${border} vector-effect="non-scaling-stroke"/></g>` +
    svgText(String(node.data('label') ?? ''), x, y + size / 2 + 14, 11, '#1d2430')
  );
}

/**
 * The canvas as an SVG drawn from the same positions, shapes, colours and labels, with the legend
 * below: text stays text (searchable, editable in a vector editor), relationships are straight
 * arrows.
 */
export function canvasSvg(cy: Core): string {
  const box = cy.elements().boundingBox({});
  const pad = 40;
  const width = Math.max(box.w + 2 * pad, LEGEND_COLUMNS * LEGEND_COLUMN_WIDTH);
  const height = box.h + 2 * pad + legendHeight();
  const edges = cy.edges().map((edge) => {
    const s = edge.source().position();
    const t = edge.target().position();
    // Stop the arrow at the target's edge, not its centre.
    const length = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const r = edge.target().width() / 2 + 2;
    const end = { x: t.x - ((t.x - s.x) * r) / length, y: t.y - ((t.y - s.y) * r) / length };
    const dashed = edge.data('synthetic') === true ? ' stroke-dasharray="6 4"' : '';
    const label = String(edge.data('label') ?? '');
    return (
      `<line x1="${s.x}" y1="${s.y}" x2="${end.x}" y2="${end.y}" stroke="#7a8494" stroke-width="1.5"${dashed} marker-end="url(#arrow)"/>` +
      (label ? svgText(label, (s.x + t.x) / 2, (s.y + t.y) / 2 - 3, 9, '#333c4a') : '')
    );
  });
  const legend = LEGEND.map((item, i) => {
    const { x, y } = legendCell(i);
    const swatch =
      item.shape && item.colour
        ? `<g transform="translate(${x} ${y}) scale(${16 / SHAPE_BOX})"><path d="${SHAPE_PATH[item.shape]}" fill="${item.colour}" stroke="#1d2430"/></g>`
        : '';
    return `${swatch}<text x="${x + 22}" y="${y + 12}" font-size="13" fill="#1d2430">${escapeXml(item.text)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#7a8494"/></marker></defs>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g transform="translate(${pad - box.x1} ${pad - box.y1})">`,
    ...edges,
    ...cy.nodes().map(svgNode),
    '</g>',
    `<g transform="translate(0 ${box.h + 2 * pad})">`,
    ...legend,
    '</g>',
    '</svg>',
  ].join('\n');
}
