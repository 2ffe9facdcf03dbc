import { ENTITY_KINDS, type EntityKind } from '@explorer/model';

interface Props {
  query: string;
  onQueryChange: (value: string) => void;
  kind: EntityKind | '';
  onKindChange: (value: EntityKind | '') => void;
  /** Enter in the box (e.g. put the first result on the canvas). */
  onSubmit?: () => void;
}

export function SearchBox({ query, onQueryChange, kind, onKindChange, onSubmit }: Props) {
  return (
    <form className="search-box" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="search-input">Search entities (English, Chinese or alias)</label>
      <div className="search-row">
        <input
          id="search-input"
          type="search"
          value={query}
          autoComplete="off"
          placeholder="e.g. Western Digital, 西部数据, Hikvision"
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
            event.preventDefault();
            onSubmit?.();
          }}
        />
        <select
          aria-label="Entity kind"
          value={kind}
          onChange={(event) => onKindChange(event.target.value as EntityKind | '')}
        >
          <option value="">All kinds</option>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
