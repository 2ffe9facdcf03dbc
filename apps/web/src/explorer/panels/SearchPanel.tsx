import type { EntityKind, SearchResult } from '@explorer/model';
import { useState } from 'react';
import { useSearch } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { SearchResults } from '../../components/SearchResults.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';

/** Search as you type; choosing a result (click, or Enter for the first) puts it on the canvas. */
export function SearchPanel({ onAdd }: { onAdd: (result: SearchResult) => void }) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [lastAdded, setLastAdded] = useState<string | null>(null);
  const debouncedQuery = useDebouncedValue(query, 250);
  const search = useSearch(debouncedQuery, kind ? [kind] : []);
  const results = debouncedQuery.trim() ? (search.data?.results ?? []) : [];
  const add = (result: SearchResult | undefined) => {
    if (!result) return;
    setLastAdded(result.id);
    onAdd(result);
  };

  return (
    <section className="search-pane" aria-label="Search">
      <SearchBox
        query={query}
        onQueryChange={setQuery}
        kind={kind}
        onKindChange={setKind}
        onSubmit={() => add(results[0])}
      />
      {search.error && <ErrorBanner error={search.error} />}
      {search.isFetching && (
        <p className="muted" aria-live="polite">
          Searching…
        </p>
      )}
      {debouncedQuery.trim() && search.isSuccess && results.length === 0 && (
        <p className="muted">No entity matches “{debouncedQuery.trim()}”.</p>
      )}
      {results.length > 0 && <p className="muted hint">Click a result (or press Enter for the first) to add it.</p>}
      <SearchResults
        results={results}
        selectedId={lastAdded}
        onSelect={(id) => add(results.find((r) => r.id === id))}
        actionLabel="Add to canvas"
      />
    </section>
  );
}
