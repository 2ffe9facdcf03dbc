import type { GraphEdge, GraphNode } from '@explorer/model';
import { useState, type ReactNode } from 'react';
import { FlagBadges } from '../../components/FlagBadges.tsx';

interface Props {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  hiddenCount: number;
  selectedIds: readonly string[];
  onSelect: (id: string, extend: boolean) => void;
}

/** Up to this many rows, a folded list keeps them in the page (the browser's find-in-page sees them). */
const ALWAYS_RENDER_UP_TO = 300;

/** A folded list; past a few hundred rows it renders them only while open (a big canvas has thousands). */
function FoldedList(props: { summary: string; label: string; count: number; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="canvas-entities" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{props.summary}</summary>
      <ul aria-label={props.label}>{(open || props.count <= ALWAYS_RENDER_UP_TO) && props.children()}</ul>
    </details>
  );
}

/**
 * The canvas's entities and relationships as lists: the keyboard way to select them (Shift adds to
 * the selection), and the way to open a relationship's details without aiming at a thin line.
 */
export function CanvasEntityList({ nodes, edges, hiddenCount, selectedIds, onSelect }: Props) {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const row = (id: string, text: ReactNode, extra?: ReactNode) => (
    <li key={id}>
      <button type="button" aria-pressed={selectedIds.includes(id)} onClick={(event) => onSelect(id, event.shiftKey)}>
        {text}
      </button>
      {extra}
    </li>
  );
  return (
    <>
      <FoldedList
        summary={`On the canvas: ${nodes.length} entities${hiddenCount > 0 ? ` (${hiddenCount} hidden by filters)` : ''}`}
        label="Entities on the canvas"
        count={nodes.length}
      >
        {() =>
          [...nodes]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((node) =>
              row(
                node.id,
                <>
                  {node.name} <span className="muted">({node.kind})</span>
                </>,
                <FlagBadges flags={node.flags} />,
              ),
            )
        }
      </FoldedList>
      <FoldedList summary={`${edges.length} relationships`} label="Relationships on the canvas" count={edges.length}>
        {() =>
          edges.map((edge) =>
            row(
              edge.id,
              <>
                {names.get(edge.source)} <span className="muted">— {edge.type} →</span> {names.get(edge.target)}
              </>,
            ),
          )
        }
      </FoldedList>
    </>
  );
}
