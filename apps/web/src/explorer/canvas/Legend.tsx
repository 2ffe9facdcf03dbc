import { ENTITY_KINDS } from '@explorer/model';
import { KIND_STYLE } from './canvasStyles.ts';
import { LEGEND_FLAGS, SHAPE_PATH } from './shapePaths.ts';

/** What the shapes, colours and borders on the canvas mean. */
export function Legend() {
  return (
    <details className="legend" open>
      <summary>Legend</summary>
      <ul aria-label="Legend">
        {ENTITY_KINDS.map((kind) => (
          <li key={kind}>
            <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
              <path d={SHAPE_PATH[KIND_STYLE[kind].shape]} fill={KIND_STYLE[kind].colour} stroke="#1d2430" />
            </svg>
            {KIND_STYLE[kind].label}
          </li>
        ))}
        <li>
          <span className="legend-border legend-listed" aria-hidden="true" />
          {LEGEND_FLAGS.listed}
        </li>
        <li>
          <span className="legend-border legend-synthetic" aria-hidden="true" />
          {LEGEND_FLAGS.synthetic}
        </li>
        <li>
          <span className="legend-border legend-pinned" aria-hidden="true" />
          pinned (outlined)
        </li>
      </ul>
    </details>
  );
}
