import type { GraphEdge } from '@explorer/model';
import type { CanvasTarget } from './GraphCanvas.tsx';

/** What hovering a relationship shows: its type, dates and how many sources state it. */
export function EdgeTooltip({ edge, at }: { edge: GraphEdge; at: CanvasTarget }) {
  const from = edge.properties['from'];
  const to = edge.properties['to'];
  const sourceIds = edge.properties['sourceIds'];
  const count = Array.isArray(sourceIds) ? sourceIds.length : 0;
  const dates = typeof from === 'string' || typeof to === 'string' ? `${from ?? '…'} – ${to ?? '…'}` : 'undated';
  return (
    <div role="tooltip" className="edge-tooltip" style={{ left: at.x + 12, top: at.y + 12 }}>
      <strong>{edge.type}</strong> · {dates} · {count} source{count === 1 ? '' : 's'}
    </div>
  );
}
