import type { MergeRecord } from '@explorer/model';
import { explorerLink } from './EntitySide.tsx';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The latest merges, each with who and when, and Undo while it stands. */
export function RecentMerges({
  merges,
  undo,
  disabledBecause,
}: {
  merges: readonly MergeRecord[];
  undo: (merge: MergeRecord) => void;
  disabledBecause: string | null;
}) {
  if (merges.length === 0) return <p className="muted">No merge yet.</p>;
  return (
    <ul className="review-merges">
      {merges.map((m) => (
        <li key={m.id} aria-label={`${m.mergedName} merged into ${m.keptName}`}>
          <span lang="zh">“{m.mergedName}”</span> merged into <a href={explorerLink(m.keptId)}>“{m.keptName}”</a>{' '}
          <span className="muted">
            by {m.mergedBy}, {when(m.mergedAt)} · {m.relationshipsMoved} relationship(s) moved
            {m.aliasesAdded.length > 0 && `, aliases added: ${m.aliasesAdded.join(' · ')}`}
          </span>{' '}
          {m.status === 'undone' ? (
            <span className="muted">
              — undone by {m.undoneBy}, {m.undoneAt ? when(m.undoneAt) : ''}
            </span>
          ) : (
            <button
              type="button"
              disabled={disabledBecause !== null}
              title={disabledBecause ?? undefined}
              onClick={() => undo(m)}
            >
              Undo
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
