import { ENTITY_KINDS } from '@explorer/model';
import { KIND_STYLE } from './canvasStyles.ts';

/** SVG path of each shape, small enough for a legend swatch (24×24 box). */
const SWATCH: Record<string, string> = {
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

/** What the shapes, colours and borders on the canvas mean. */
export function Legend() {
  return (
    <details className="legend" open>
      <summary>Legend</summary>
      <ul aria-label="Legend">
        {ENTITY_KINDS.map((kind) => (
          <li key={kind}>
            <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
              <path d={SWATCH[KIND_STYLE[kind].shape]} fill={KIND_STYLE[kind].colour} stroke="#1d2430" />
            </svg>
            {KIND_STYLE[kind].label}
          </li>
        ))}
        <li>
          <span className="legend-border legend-listed" aria-hidden="true" />⚑ on a control list (double border)
        </li>
        <li>
          <span className="legend-border legend-synthetic" aria-hidden="true" />✱ synthetic, invented (dashed)
        </li>
        <li>
          <span className="legend-border legend-pinned" aria-hidden="true" />
          pinned (outlined)
        </li>
      </ul>
    </details>
  );
}
