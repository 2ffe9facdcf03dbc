import type { JsonValue } from '@explorer/model';

function show(value: JsonValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The "Details" section of a panel: every property but those shown elsewhere, and no empty lists. */
export function PropertyList({
  properties,
  hidden,
}: {
  properties: Record<string, JsonValue>;
  hidden: ReadonlySet<string>;
}) {
  const shown = Object.entries(properties).filter(
    ([key, value]) => !hidden.has(key) && !(Array.isArray(value) && value.length === 0),
  );
  if (shown.length === 0) return null;
  return (
    <section>
      <h3>Details</h3>
      <dl>
        {shown.map(([key, value]) => (
          <div key={key} className="property">
            <dt>{key}</dt>
            <dd>{show(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
