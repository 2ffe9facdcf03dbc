import { LIMITS, type GraphNode } from '@explorer/model';
import { useState } from 'react';
import { EntityPicker } from './EntityPicker.tsx';
import { HopsInput } from './HopsInput.tsx';

interface Props {
  entities: readonly GraphNode[];
  suggested: string | undefined;
  onTrace: (from: string, direction: 'downstream' | 'upstream', maxHops: number) => void;
}

/** Trace the supply chain from a manufacturer (downstream) or a buyer (upstream), drawn left to right. */
export function TracePanel({ entities, suggested, onTrace }: Props) {
  const [from, setFrom] = useState('');
  const [direction, setDirection] = useState<'downstream' | 'upstream'>('downstream');
  const [maxHops, setMaxHops] = useState<number>(LIMITS.traceHopsDefault);
  const start = from || suggested || '';
  return (
    <section className="tool-panel" aria-label="Trace supply chain">
      <h2>Trace supply chain</h2>
      {entities.length === 0 ? (
        <p className="muted">Put an entity on the canvas to trace from it.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (start) onTrace(start, direction, maxHops);
          }}
        >
          <EntityPicker label="Trace from" entities={entities} value={start} onChange={setFrom} />
          <label>
            Direction
            <select value={direction} onChange={(e) => setDirection(e.target.value as 'downstream' | 'upstream')}>
              <option value="downstream">downstream (where the technology went)</option>
              <option value="upstream">upstream (where it came from)</option>
            </select>
          </label>
          <HopsInput value={maxHops} max={LIMITS.traceHopsMax} onChange={setMaxHops} />
          <button type="submit" disabled={!start}>
            Trace
          </button>
        </form>
      )}
    </section>
  );
}
