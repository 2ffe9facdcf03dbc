import type { EntityKind } from '@explorer/model';
import { useState } from 'react';
import { useSearch } from '../api/hooks.ts';
import { EntityDetails } from '../components/EntityDetails.tsx';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { SearchResults } from '../components/SearchResults.tsx';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';

/** The journalists' page: search, then an entity's details and sources. */
export function ExplorerPage() {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const debouncedQuery = useDebouncedValue(query, 250);
  const search = useSearch(debouncedQuery, kind ? [kind] : []);
  const results = debouncedQuery.trim() ? (search.data?.results ?? []) : [];

  return (
    <>
      <main className="layout">
        <section className="search-pane" aria-label="Search">
          <SearchBox query={query} onQueryChange={setQuery} kind={kind} onKindChange={setKind} />
          {search.error && <ErrorBanner error={search.error} />}
          {search.isFetching && (
            <p className="muted" aria-live="polite">
              Searching…
            </p>
          )}
          {debouncedQuery.trim() && search.isSuccess && results.length === 0 && (
            <p className="muted">No entity matches “{debouncedQuery.trim()}”.</p>
          )}
          <SearchResults results={results} selectedId={selectedId} onSelect={setSelectedId} />
        </section>
        <section className="details-pane" aria-label="Details">
          {selectedId ? (
            <EntityDetails id={selectedId} />
          ) : (
            <p className="muted">Pick a search result to see its details and sources.</p>
          )}
        </section>
      </main>
    </>
  );
}
