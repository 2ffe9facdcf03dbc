import { LIMITS, RELATIONSHIP_TYPES, type Graph, type GraphNode, type RelationshipType } from '@explorer/model';
import { useEffect, useState } from 'react';
import { usePaths, type PathsParams } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { EntityPicker } from './EntityPicker.tsx';
import { chainText, pathChain } from './pathChain.ts';
import { HopsInput } from './HopsInput.tsx';

interface Props {
  entities: readonly GraphNode[];
  /** Entity ids to start with (the canvas selection). */
  suggested: readonly string[];
  onFound: (paths: Graph[]) => void;
  onHighlight: (path: Graph) => void;
}

/** Pick two canvas entities; the paths between them are drawn, highlighted and listed as chains. */
export function PathFinder({ entities, suggested, onFound, onHighlight }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [maxHops, setMaxHops] = useState<number>(LIMITS.pathHopsDefault);
  const [mode, setMode] = useState<'shortest' | 'k'>('shortest');
  const [k, setK] = useState<number>(LIMITS.pathKDefault);
  const [types, setTypes] = useState<RelationshipType[]>([]);
  const [params, setParams] = useState<PathsParams | null>(null);
  const paths = usePaths(params);

  const fromId = from || suggested[0] || '';
  const toId = to || suggested[1] || '';
  const { data } = paths;
  useEffect(() => {
    if (data && data.paths.length > 0) onFound(data.paths);
    // Only new answers are drawn; onFound changes with every canvas change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  return (
    <section className="tool-panel" aria-label="Path finder">
      <h2>Find paths</h2>
      {entities.length < 2 ? (
        <p className="muted">Put two entities on the canvas to look for paths between them.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (fromId && toId && fromId !== toId) setParams({ from: fromId, to: toId, maxHops, types, mode, k });
          }}
        >
          <EntityPicker label="From" entities={entities} value={fromId} onChange={setFrom} />
          <EntityPicker label="To" entities={entities} value={toId} onChange={setTo} />
          <HopsInput value={maxHops} max={LIMITS.pathHopsMax} onChange={setMaxHops} />
          <fieldset>
            <legend>Which paths</legend>
            <label>
              <input type="radio" checked={mode === 'shortest'} onChange={() => setMode('shortest')} /> all shortest
            </label>
            <label>
              <input type="radio" checked={mode === 'k'} onChange={() => setMode('k')} /> up to
              <input
                type="number"
                aria-label="How many paths"
                min={1}
                max={LIMITS.pathKMax}
                value={k}
                onChange={(e) => setK(Math.min(LIMITS.pathKMax, Math.max(1, Number(e.target.value) || 1)))}
              />
              paths
            </label>
          </fieldset>
          <details>
            <summary>Relationship types ({types.length === 0 ? 'all but hubs' : types.length})</summary>
            {RELATIONSHIP_TYPES.map((t) => (
              <label key={t} className="check">
                <input
                  type="checkbox"
                  checked={types.includes(t)}
                  onChange={(e) => setTypes(e.target.checked ? [...types, t] : types.filter((x) => x !== t))}
                />
                {t}
              </label>
            ))}
          </details>
          <button type="submit" disabled={!fromId || !toId || fromId === toId}>
            Find paths
          </button>
        </form>
      )}
      {paths.error && <ErrorBanner error={paths.error} />}
      {paths.isFetching && <p aria-busy="true">Looking for paths…</p>}
      {data && !paths.isFetching && data.paths.length === 0 && (
        <p className="muted">No path within {params?.maxHops} hops. Try more hops or other types.</p>
      )}
      {data && data.paths.length > 0 && params && (
        <ol className="path-list" aria-label="Paths found">
          {data.paths.map((path, i) => {
            const steps = pathChain(path, params.from);
            return (
              <li key={i}>
                <span className="chain" aria-label={chainText(steps)}>
                  {steps.map((step, j) => (
                    <span key={step.node.id}>
                      {step.via && (
                        <span className="chain-link">
                          {j > 0 ? ' ' : ''}
                          {step.via.forward ? `—${step.via.edge.type}→` : `←${step.via.edge.type}—`}{' '}
                        </span>
                      )}
                      <strong>{step.node.name}</strong>
                    </span>
                  ))}
                </span>{' '}
                <button type="button" className="link-button" onClick={() => onHighlight(path)}>
                  Highlight
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {data && data.paths.length > 0 && (
        <button type="button" className="link-button" onClick={() => onHighlight({ nodes: [], edges: [] })}>
          Clear highlight
        </button>
      )}
    </section>
  );
}
