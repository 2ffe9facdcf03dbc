import { RELATIONSHIP_RULES, type JsonValue } from '@explorer/model';
import { useRelationship } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SourceList } from '../../components/SourceList.tsx';

/** Shown elsewhere in the panel, or bookkeeping a reader does not need. */
const HIDDEN = new Set(['sourceIds', 'quote', 'synthetic', 'dataset']);
const show = (value: JsonValue) => (Array.isArray(value) ? value.join(', ') : String(value));

/** A relationship as a sentence, its dates, confidence and note, and every source it cites. */
export function RelationshipDetails({ id }: { id: string }) {
  const { data, error, isPending } = useRelationship(id);
  if (error) return <ErrorBanner error={error} />;
  if (isPending) return <p aria-busy="true">Loading…</p>;
  const { relationship, nodes, sources } = data;
  const name = (entityId: string) => nodes.find((n) => n.id === entityId)?.name ?? entityId;
  const quote = relationship.properties['quote'];
  const properties = Object.entries(relationship.properties).filter(([key]) => !HIDDEN.has(key));
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
      {properties.length > 0 && (
        <section>
          <h3>Details</h3>
          <dl>
            {properties.map(([key, value]) => (
              <div key={key} className="property">
                <dt>{key}</dt>
                <dd>{show(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section>
        <h3>Sources ({sources.length})</h3>
        <SourceList sources={sources} />
      </section>
    </article>
  );
}
