import { LIMITS } from '@explorer/model';
import type { ReactNode } from 'react';
import { useEntity } from '../api/hooks.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { FlagBadges } from './FlagBadges.tsx';
import { PropertyList } from './PropertyList.tsx';
import { SourceList } from './SourceList.tsx';

/** Properties shown elsewhere in the panel, or bookkeeping a reader does not need. */
const HIDDEN = new Set(['aliases', 'sourceIds', 'synthetic', 'group', 'dataset']);

/** `relationships` replaces the plain counts (the explorer lists them, each addable to its canvas). */
export function EntityDetails({ id, relationships }: { id: string; relationships?: ReactNode }) {
  const { data, error, isPending } = useEntity(id);
  if (error) return <ErrorBanner error={error} />;
  if (isPending) return <p aria-busy="true">Loading…</p>;
  const { entity, sources, sourcesTruncated, relationshipCounts } = data;
  const aliases = Array.isArray(entity.properties['aliases']) ? entity.properties['aliases'] : [];

  return (
    <article className="entity-details" aria-labelledby="entity-title">
      <h2 id="entity-title">{entity.name}</h2>
      <p className="muted">
        {entity.kind} · <code>{entity.id}</code>
      </p>
      <FlagBadges flags={entity.flags} />
      {entity.flags.synthetic && (
        <p className="caveat">This entity is invented for demonstration. It is not a real organisation.</p>
      )}
      {aliases.length > 0 && (
        <section>
          <h3>Also known as</h3>
          <p>{aliases.map(String).join(' · ')}</p>
        </section>
      )}
      {entity.flags.listings.length > 0 && (
        <section>
          <h3>Control lists</h3>
          <ul>
            {entity.flags.listings.map((listing) => (
              <li key={listing.listId}>
                {listing.listName}, listed {listing.date ?? 'on an unknown date'}
                {listing.citation ? ` (${listing.citation})` : ''} — sources: {listing.sourceIds.join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <PropertyList properties={entity.properties} hidden={HIDDEN} />
      <section>
        <h3>Relationships</h3>
        {relationships ??
          (relationshipCounts.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {relationshipCounts.map((c) => (
                <li key={`${c.type}-${c.direction}`}>
                  {c.type} ({c.direction === 'out' ? 'outgoing' : 'incoming'}): {c.count}
                </li>
              ))}
            </ul>
          ))}
      </section>
      <section>
        <h3>
          Sources ({sources.length}
          {sourcesTruncated ? '+' : ''})
        </h3>
        {sourcesTruncated && (
          <p className="muted" role="note">
            Too many relationships to read every one here: these are the entity&apos;s own sources and those of its
            first {LIMITS.entitySourceRelationshipsMax.toLocaleString('en-US')} relationships (at most{' '}
            {LIMITS.entitySourcesMax.toLocaleString('en-US')}). Select a relationship to see its own sources.
          </p>
        )}
        <SourceList sources={sources} />
      </section>
    </article>
  );
}
