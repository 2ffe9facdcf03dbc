import { CONSOLE_EXAMPLES, type ConsoleExample, type SavedQuery } from '@explorer/model';
import { SavedQueries } from './SavedQueries.tsx';

/**
 * The saved queries (a click opens and runs one), the example library and the analyst's history
 * (a click loads the query into the editor).
 */
export function Sidebar(props: {
  history: string[];
  onPick: (query: string, params?: ConsoleExample['params']) => void;
  onOpenSaved: (saved: SavedQuery) => void;
}) {
  return (
    <aside className="console-sidebar">
      <SavedQueries onOpen={props.onOpenSaved} />
      <h3>Examples</h3>
      <ul aria-label="Example queries">
        {CONSOLE_EXAMPLES.map((example) => (
          <li key={example.id}>
            <button type="button" onClick={() => props.onPick(example.query, example.params)}>
              {example.title}
            </button>{' '}
            {example.dataset === 'demo' && <span className="muted">(demo data)</span>}
          </li>
        ))}
      </ul>
      <h3>History</h3>
      {props.history.length === 0 ? (
        <p className="muted">Queries you run appear here.</p>
      ) : (
        <ul aria-label="Query history">
          {props.history.map((query) => (
            <li key={query}>
              <button type="button" className="console-history-item" onClick={() => props.onPick(query)}>
                {query}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
