import type { MatchCandidate, MergeRecord } from '@explorer/model';
import { useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useUserName } from '../hooks/useUserName.ts';
import { CandidatePair } from './CandidatePair.tsx';
import { RecentMerges } from './RecentMerges.tsx';
import { useKeepApart, useMerge, useMerges, useOpenCandidates, useUndoMerge } from './useReview.ts';
import './review.css';

/**
 * The review queue of entity resolution (README: Entity resolution): candidate pairs an import held
 * instead of merging, side by side with their evidence; merge either way or keep apart; recent
 * merges with Undo. Who decides is asked once and remembered in this browser.
 */
export function ReviewPage() {
  const [userName, setUserName] = useUserName();
  const candidates = useOpenCandidates();
  const merges = useMerges();
  const merge = useMerge();
  const keepApart = useKeepApart();
  const undo = useUndoMerge();
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<Error | null>(null);

  const by = userName.trim();
  const busy = merge.isPending || keepApart.isPending || undo.isPending;
  const disabledBecause = by === '' ? 'Give your name above to decide.' : busy ? 'Saving…' : null;

  const run = <T,>(work: Promise<T>, message: (result: T) => string) => {
    setDone(null);
    setFailed(null);
    work.then((result) => setDone(message(result))).catch((error: unknown) => setFailed(error as Error));
  };
  const name = (side: MatchCandidate['left']) => side.name ?? side.id;
  const actions = {
    disabledBecause,
    merge: (candidate: MatchCandidate, keep: 'left' | 'right') => {
      const [kept, gone] = keep === 'left' ? [candidate.left, candidate.right] : [candidate.right, candidate.left];
      run(
        merge.mutateAsync({ id: candidate.id, keep: kept.id, by }),
        () => `Merged “${name(gone)}” into “${name(kept)}”.`,
      );
    },
    keepApart: (candidate: MatchCandidate) =>
      run(
        keepApart.mutateAsync({ id: candidate.id, by }),
        () => `Kept “${name(candidate.left)}” and “${name(candidate.right)}” apart.`,
      ),
  };
  const undoMerge = (record: MergeRecord) =>
    run(
      undo.mutateAsync({ id: record.id, by }),
      () => `Undid the merge of “${record.mergedName}” into “${record.keptName}”.`,
    );

  return (
    <main className="review-page">
      <h2>Review candidate matches</h2>
      <p className="muted">
        An import attaches a name to an entity only when the registry id or the exact name (ignoring case, width,
        punctuation and legal suffixes) is the same. Names that are only alike — traditional and simplified characters,
        pinyin, one inside the other, a letter apart — wait here. Merging keeps every name, relationship and source, and
        can be undone.
      </p>
      <label className="review-name">
        Your name (recorded with each decision){' '}
        <input value={userName} onChange={(event) => setUserName(event.target.value)} maxLength={100} />
      </label>
      <div aria-live="polite">
        {done && (
          <p role="status" className="review-done">
            {done}
          </p>
        )}
      </div>
      {failed && <ErrorBanner error={failed} />}

      <section aria-label="Open candidates">
        <h3>Open candidates{candidates.data ? ` (${candidates.data.length})` : ''}</h3>
        {candidates.error && <ErrorBanner error={candidates.error} />}
        {candidates.isPending && <p className="muted">Loading…</p>}
        {candidates.data?.length === 0 && <p className="muted">No open candidate: nothing waits for review.</p>}
        <ol className="review-queue">
          {candidates.data?.map((c) => (
            <CandidatePair key={c.id} candidate={c} actions={actions} />
          ))}
        </ol>
      </section>

      <section aria-label="Recent merges">
        <h3>Recent merges</h3>
        {merges.error && <ErrorBanner error={merges.error} />}
        {merges.data && <RecentMerges merges={merges.data} undo={undoMerge} disabledBecause={disabledBecause} />}
      </section>
    </main>
  );
}
