import { RELATIONSHIP_RULES } from '@explorer/model';
import { useRelationship } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { PropertyList } from '../../components/PropertyList.tsx';
import { SourceList } from '../../components/SourceList.tsx';

/** Shown elsewhere in the panel, or bookkeeping a reader does not need. */
const HIDDEN = new Set(['sourceIds', 'quote', 'synthetic', 'dataset']);

/** A relationship as a sentence, its dates, confidence and note, and every source it cites. */
export function RelationshipDetails({ id }: { id: string }) {
  const { data, error, isPending } = useRelationship(id);
  if (error) return <ErrorBanner error={error} />;
  if (isPending) return <p aria-busy="true">Loading…</p>;
  const { relationship, nodes, sources } = data;
  const name = (entityId: string) => nodes.find((n) => n.id === entityId)?.name ?? entityId;
  const quote = relationship.properties['quote'];
  return (
    <article className="entity-details" aria-labelledby="relationship-title">
      <h2 id="relationship-title">
        {name(relationship.source)} {RELATIONSHIP_RULES[relationship.type].reads} {name(relationship.target)}
      </h2>
      <p className="muted">
        {relationship.type} · <code>{relationship.id}</code>
      </p>
      {relationship.properties['synthetic'] === true && (
        <p className="caveat">This relationship is invented for demonstration. It is not a real fact.</p>
      )}
      {typeof quote === 'string' && <blockquote>{quote}</blockquote>}
      <PropertyList properties={relationship.properties} hidden={HIDDEN} />
      <section>
        <h3>Sources ({sources.length})</h3>
        <SourceList sources={sources} />
      </section>
    </article>
  );
}
