import type { ConsoleResponse } from '@explorer/model';
import { FlagBadges } from '../components/FlagBadges.tsx';

/** The graph part of the answer as lists (a canvas view is the explorer's; not wired here yet). */
export function GraphList({ graph }: { graph: ConsoleResponse['graph'] }) {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  if (graph.nodes.length === 0) return <p className="muted">The rows hold no nodes or relationships.</p>;
  return (
    <div className="console-graph">
      <ul aria-label="Result nodes">
        {graph.nodes.map((node) => (
          <li key={node.id}>
            {node.name} <span className="muted">{node.kind}</span> <FlagBadges flags={node.flags} />
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
