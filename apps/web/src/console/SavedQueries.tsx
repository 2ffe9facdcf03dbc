import type { SavedQuery } from '@explorer/model';
import { useState } from 'react';
import { savedQueryLink } from './savedQueriesApi.ts';
import { useDeleteSavedQuery, useSavedQueries } from './useSavedQueries.ts';

/** The saved queries on the server: a click opens and runs one; each has a link to share, and can go. */
export function SavedQueries({ onOpen }: { onOpen: (saved: SavedQuery) => void }) {
  const { data, error, isPending } = useSavedQueries();
  const remove = useDeleteSavedQuery();
  const [copied, setCopied] = useState<string | null>(null);

  const copy = (saved: SavedQuery) => {
    void navigator.clipboard
      ?.writeText(savedQueryLink(saved.id))
      .then(() => setCopied(saved.id))
      .catch(() => setCopied(null)); // the link stays selectable in its box
  };

  return (
    <section aria-labelledby="saved-queries-title">
      <h3 id="saved-queries-title">Saved queries</h3>
      {error && <p role="alert">The saved queries cannot be read: {error.message}</p>}
      {remove.error && <p role="alert">Not deleted: {remove.error.message}</p>}
      {isPending ? (
        <p aria-busy="true">Loading…</p>
      ) : !data || data.length === 0 ? (
        <p className="muted">Queries you save appear here, each with a link that opens and runs it.</p>
      ) : (
        <ul aria-label="Saved queries" className="console-saved">
          {data.map((saved) => (
            <li key={saved.id}>
              <button type="button" onClick={() => onOpen(saved)} title={saved.query}>
                {saved.name}
              </button>
              <input
                readOnly
                className="console-saved-link"
                value={savedQueryLink(saved.id)}
                aria-label={`Link to ${saved.name}`}
                onFocus={(event) => event.currentTarget.select()}
              />
              <span className="console-saved-actions">
                <button type="button" onClick={() => copy(saved)} aria-label={`Copy the link to ${saved.name}`}>
                  {copied === saved.id ? 'Copied' : 'Copy link'}
                </button>
                <button
                  type="button"
                  disabled={remove.isPending}
                  aria-label={`Delete ${saved.name}`}
                  onClick={() => {
                    if (window.confirm(`Delete the saved query "${saved.name}" for everyone?`)) remove.mutate(saved.id);
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
