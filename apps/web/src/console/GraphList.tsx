import type { ConsoleResponse } from '@explorer/model';
import { FlagBadges } from '../components/FlagBadges.tsx';

/**
 * The graph part of the answer as lists: what the drawing shows, readable with a screen reader; an
 * entity's button selects it as a click on the drawing does (the keyboard way).
 */
export function GraphList(props: {
  graph: ConsoleResponse['graph'];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { graph } = props;
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  if (graph.nodes.length === 0) return <p className="muted">The rows hold no nodes or relationships.</p>;
  return (
    <div className="console-graph">
      <ul aria-label="Result nodes">
        {graph.nodes.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              className="link-button"
              aria-pressed={props.selectedId === node.id}
              onClick={() => props.onSelect(node.id)}
            >
              {node.name}
            </button>{' '}
            <span className="muted">{node.kind}</span> <FlagBadges flags={node.flags} />
          </li>
        ))}
      </ul>
      <ul aria-label="Result relationships">
        {graph.edges.map((edge) => (
          <li key={edge.id}>
            {names.get(edge.source)} —{edge.type}→ {names.get(edge.target)}
          </li>
        ))}
      </ul>
      {graph.truncated && <p className="muted">Only the first nodes are listed.</p>}
    </div>
  );
}
