import type { ConsoleResponse } from '@explorer/model';

/** "12 rows in 34 ms", with what cut the answer short and Neo4j's notifications. */
export function SummaryLine({ result }: { result: ConsoleResponse }) {
  const { summary, graph } = result;
  const ms = summary.resultAvailableAfterMs + summary.resultConsumedAfterMs;
  return (
    <div className="console-summary" role="status">
      <span>
        {summary.rowCount} {summary.rowCount === 1 ? 'row' : 'rows'} in {ms} ms · {graph.nodes.length} nodes,{' '}
        {graph.edges.length} relationships
      </span>
      {summary.truncated && (
        <strong className="console-warning">
          {' '}
          · truncated ({summary.truncatedBy === 'bytes' ? 'answer too large' : 'row limit'})
        </strong>
      )}
      {summary.notifications.map((n, i) => (
        <p key={i} className="muted">
          {n.severity}: {n.title} {n.description}
        </p>
      ))}
    </div>
  );
}
