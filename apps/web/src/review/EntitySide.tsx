import type { CandidateSide } from '@explorer/model';
import { NO_FILTERS } from '../explorer/state/canvasState.ts';
import { encodeCanvasLink } from '../explorer/state/canvasUrl.ts';

/** The explorer's page with this entity on the canvas. */
export function explorerLink(id: string): string {
  return `/#${encodeCanvasLink({ nodeIds: [id], edgeIds: [], pinned: {}, layout: 'fcose', filters: NO_FILTERS })}`;
}

/** One entity of a candidate pair, with what a reviewer weighs: names, ids, sources, relationships. */
export function EntitySide({ side, label, matchedName }: { side: CandidateSide; label: string; matchedName: string }) {
  const relationships = side.relationshipCounts.reduce((sum, c) => sum + c.count, 0);
  return (
    <section className="review-side" aria-label={`${label}: ${side.name ?? side.id}`}>
      <h4>
        <span className="muted">{label}</span> {side.name ?? side.id}
      </h4>
      <dl className="review-facts">
        <dt>Kind</dt>
        <dd>{side.kind ?? '—'}</dd>
        <dt>Id</dt>
        <dd>
          <a href={explorerLink(side.id)}>{side.id}</a>
          {side.synthetic && <span className="caveat"> synthetic</span>}
        </dd>
        <dt>Matched name</dt>
        <dd lang="zh">{matchedName}</dd>
        <dt>Aliases</dt>
        <dd>{side.aliases.length > 0 ? side.aliases.join(' · ') : <span className="muted">none</span>}</dd>
        <dt>Registry ids</dt>
        <dd>{side.registryIds.length > 0 ? side.registryIds.join(' · ') : <span className="muted">none</span>}</dd>
        {side.country && (
          <>
            <dt>Country</dt>
            <dd>{side.country}</dd>
          </>
        )}
        <dt>Relationships</dt>
        <dd>
          {relationships === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul className="review-counts" aria-label="Relationship counts">
              {side.relationshipCounts.map((c) => (
                <li key={`${c.type} ${c.direction}`}>
                  {c.type} {c.direction === 'out' ? '→' : '←'} {c.count}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h5>Sources ({side.sources.length})</h5>
      {side.sources.length === 0 ? (
        <p className="muted">No source cited.</p>
      ) : (
        <ul className="review-sources" aria-label="Sources">
          {side.sources.map((s) => (
            <li key={s.id}>
              <span className="source-id">{s.id}</span>{' '}
              {s.url ? (
                <a href={s.url} target="_blank" rel="noreferrer noopener">
                  {s.name}
                </a>
              ) : (
                s.name
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
