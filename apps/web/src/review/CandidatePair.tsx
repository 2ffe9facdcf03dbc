import { MATCH_REASON_LABELS, type MatchCandidate } from '@explorer/model';
import { EntitySide } from './EntitySide.tsx';

export interface PairActions {
  /** Merge the other entity into `keep`. */
  merge: (candidate: MatchCandidate, keep: 'left' | 'right') => void;
  keepApart: (candidate: MatchCandidate) => void;
  /** Why the buttons are disabled, if they are (no reviewer name, a decision running). */
  disabledBecause: string | null;
}

/** One candidate pair side by side, with the reason and score, and the three decisions. */
export function CandidatePair({ candidate, actions }: { candidate: MatchCandidate; actions: PairActions }) {
  const { left, right, raisedBy } = candidate;
  const title = `${left.name ?? left.id} ↔ ${right.name ?? right.id}`;
  const disabled = actions.disabledBecause !== null;
  return (
    <li>
      <article className="review-pair" aria-label={title}>
        <header>
          <h3>{title}</h3>
          <p>
            <strong>{MATCH_REASON_LABELS[candidate.reason]}</strong> · score {candidate.score.toFixed(2)}
            <span className="muted">
              {' '}
              · raised by {candidate.createdBy}
              {raisedBy.fileName && ` importing ${raisedBy.fileName}`}
              {raisedBy.line !== null && ` line ${raisedBy.line}`}
              {raisedBy.field && ` (${raisedBy.field})`}, {candidate.createdAt.slice(0, 16).replace('T', ' ')} UTC
            </span>
          </p>
        </header>
        <div className="review-sides">
          <EntitySide side={left} label="Left" matchedName={candidate.leftName} />
          <EntitySide side={right} label="Right" matchedName={candidate.rightName} />
        </div>
        <div className="review-actions">
          <button
            type="button"
            disabled={disabled}
            title={`Keep ${left.name ?? left.id}; it gains the right one's names, relationships and sources`}
            onClick={() => actions.merge(candidate, 'left')}
          >
            Merge into left
          </button>
          <button
            type="button"
            disabled={disabled}
            title={`Keep ${right.name ?? right.id}; it gains the left one's names, relationships and sources`}
            onClick={() => actions.merge(candidate, 'right')}
          >
            Merge into right
          </button>
          <button type="button" disabled={disabled} onClick={() => actions.keepApart(candidate)}>
            Keep apart
          </button>
          {actions.disabledBecause && <span className="muted"> {actions.disabledBecause}</span>}
        </div>
      </article>
    </li>
  );
}
