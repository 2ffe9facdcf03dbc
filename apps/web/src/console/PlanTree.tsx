import type { PlanNode } from '@explorer/model';

/** An EXPLAIN or PROFILE plan as nested operators, with estimates (and rows and db hits when profiled). */
export function PlanTree({ plan }: { plan: PlanNode }) {
  return (
    <ul className="console-plan" aria-label="Query plan">
      <PlanItem node={plan} />
    </ul>
  );
}

function PlanItem({ node }: { node: PlanNode }) {
  const numbers = [
    node.estimatedRows !== null ? `est. ${Math.round(node.estimatedRows)} rows` : null,
    node.rows !== null ? `${node.rows} rows` : null,
    node.dbHits !== null ? `${node.dbHits} db hits` : null,
  ].filter(Boolean);
  return (
    <li>
      <strong>{node.operator}</strong> {node.details && <code>{node.details}</code>}{' '}
      <span className="muted">{numbers.join(' · ')}</span>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child, i) => (
            <PlanItem key={i} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
