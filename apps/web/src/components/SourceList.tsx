import type { GraphNode } from '@explorer/model';

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Every source behind what the panel shows, with its quoted passage and a link to the document. */
export function SourceList({ sources }: { sources: readonly GraphNode[] }) {
  if (sources.length === 0) return <p className="muted">No source cited.</p>;
  return (
    <ol className="sources" aria-label="Sources">
      {sources.map((source) => {
        const url = text(source.properties['url']);
        const quote = text(source.properties['quote']);
        const caveat = text(source.properties['reliabilityNote']);
        return (
          <li key={source.id} className="source">
            <span className="source-id">{source.id}</span>{' '}
            {url ? (
              <a href={url} target="_blank" rel="noreferrer noopener">
                {source.name}
              </a>
            ) : (
              <span>{source.name}</span>
            )}
            <span className="muted">
              {[text(source.properties['publisher']), text(source.properties['date'])].filter(Boolean).join(', ')}
            </span>
            {quote && <blockquote>{quote}</blockquote>}
            {caveat && <p className="caveat">{caveat}</p>}
            {source.flags.synthetic && <p className="caveat">Fictional source of the demo dataset.</p>}
          </li>
        );
      })}
    </ol>
  );
}
