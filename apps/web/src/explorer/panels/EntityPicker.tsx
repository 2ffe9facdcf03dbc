import type { GraphNode } from '@explorer/model';
import { useId } from 'react';

interface Props {
  label: string;
  entities: readonly GraphNode[];
  value: string;
  onChange: (id: string) => void;
}

/** A labelled choice among the canvas's entities, by name (the path finder's ends, the trace's start). */
export function EntityPicker({ label, entities, value, onChange }: Props) {
  const id = useId();
  const sorted = [...entities].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">— choose —</option>
        {sorted.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </>
  );
}
