import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '@explorer/model';
import { useState } from 'react';
import type { CanvasFilters } from '../state/canvasState.ts';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

interface Props {
  filters: CanvasFilters;
  onChange: (filters: CanvasFilters) => void;
}

/** Hide kinds, types or a date range from the canvas; hidden elements stay in it and come back. */
export function FiltersPanel({ filters, onChange }: Props) {
  const [from, setFrom] = useState(filters.dateFrom ?? '');
  const [to, setTo] = useState(filters.dateTo ?? '');
  const toggle = <T extends string>(list: readonly T[], value: T, shown: boolean) =>
    shown ? list.filter((x) => x !== value) : [...list, value];
  const validDate = (value: string) => value === '' || DATE.test(value);
  return (
    <details className="tool-panel filters">
      <summary>
        <h2>Filters</h2>
      </summary>
      <fieldset>
        <legend>Entity kinds shown</legend>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenKinds.includes(kind)}
              onChange={(e) =>
                onChange({ ...filters, hiddenKinds: toggle(filters.hiddenKinds, kind, e.target.checked) })
              }
            />
            {kind}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Relationship types shown</legend>
        {RELATIONSHIP_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenTypes.includes(type)}
              onChange={(e) =>
                onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, type, e.target.checked) })
              }
            />
            {type}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Dates (procurements, listings, relationships); undated items always show</legend>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (validDate(from) && validDate(to)) onChange({ ...filters, dateFrom: from || null, dateTo: to || null });
          }}
        >
          <label>
            From
            <input value={from} placeholder="YYYY[-MM[-DD]]" onChange={(e) => setFrom(e.target.value.trim())} />
          </label>
          <label>
            To
            <input value={to} placeholder="YYYY[-MM[-DD]]" onChange={(e) => setTo(e.target.value.trim())} />
          </label>
          {!(validDate(from) && validDate(to)) && <p className="caveat">Dates are YYYY, YYYY-MM or YYYY-MM-DD.</p>}
          <button type="submit">Apply dates</button>
        </form>
      </fieldset>
    </details>
  );
}
