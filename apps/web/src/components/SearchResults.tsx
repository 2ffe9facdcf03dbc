import type { SearchResult } from '@explorer/model';
import { FlagBadges } from './FlagBadges.tsx';

interface Props {
  results: readonly SearchResult[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** What choosing a result does, for its tooltip ("Add to canvas"). */
  actionLabel?: string;
}

export function SearchResults({ results, selectedId, onSelect, actionLabel }: Props) {
  return (
    <ul className="search-results" aria-label="Search results">
      {results.map((result) => (
        <li key={result.id}>
          <button
            type="button"
            className={result.id === selectedId ? 'result selected' : 'result'}
            aria-pressed={result.id === selectedId}
            onClick={() => onSelect(result.id)}
            title={actionLabel}
          >
            <span className="result-name">{result.name}</span>
            <span className="result-meta">
              {result.kind}
              {result.country ? ` · ${result.country}` : ''}
            </span>
            <FlagBadges flags={result.flags} />
          </button>
        </li>
      ))}
    </ul>
  );
}
