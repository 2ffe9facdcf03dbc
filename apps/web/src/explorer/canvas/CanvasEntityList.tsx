import type { GraphNode } from '@explorer/model';
import { FlagBadges } from '../../components/FlagBadges.tsx';

interface Props {
  nodes: readonly GraphNode[];
  hiddenCount: number;
  selectedIds: readonly string[];
  onSelect: (id: string, extend: boolean) => void;
}

/** The canvas's entities as a list: the keyboard way to select them (Shift adds to the selection). */
export function CanvasEntityList({ nodes, hiddenCount, selectedIds, onSelect }: Props) {
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <details className="canvas-entities">
      <summary>
        On the canvas: {nodes.length} entities{hiddenCount > 0 ? ` (${hiddenCount} hidden by filters)` : ''}
      </summary>
      <ul aria-label="Entities on the canvas">
        {sorted.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              aria-pressed={selectedIds.includes(node.id)}
              onClick={(event) => onSelect(node.id, event.shiftKey)}
            >
              {node.name} <span className="muted">({node.kind})</span>
            </button>
            <FlagBadges flags={node.flags} />
          </li>
        ))}
      </ul>
    </details>
  );
}
