import type { JsonValue, SavedQuery } from '@explorer/model';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ConsoleRunError, runCypher } from './api.ts';
import { CypherInput } from './CypherInput.tsx';
import { useHistory } from './history.ts';
import { parseParams } from './params.ts';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { ResultView } from './ResultView.tsx';
import { SaveQueryForm } from './SaveQueryForm.tsx';
import { Sidebar } from './Sidebar.tsx';
import { useSavedQueryLink } from './useSavedQueries.ts';
import './console.css';

const FIRST_QUERY = "MATCH (c:Company {country: 'US'})-[r:SUPPLIED]->(b) RETURN c, r, b LIMIT 25";

/** The analysts' read-only Cypher console (issue 4). */
export function ConsolePage() {
  const [query, setQuery] = useState(FIRST_QUERY);
  const [paramsText, setParamsText] = useState('{}');
  // The editor may keep the key handler it was created with: it reads the latest text from here.
  const latest = useRef({ query, paramsText });
  useEffect(() => {
    latest.current = { query, paramsText };
  }, [query, paramsText]);
  const [history, remember] = useHistory();
  const [editorKey, setEditorKey] = useState(0);

  const run = useMutation({
    mutationFn: ({ text, params }: { text: string; params: Record<string, JsonValue> }) => runCypher(text, params),
  });
  const [paramsError, setParamsError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const execute = () => {
    const { query: text, paramsText: raw } = latest.current;
    const params = parseParams(raw);
    setParamsError(params.ok ? null : params.error);
    if (!params.ok || text.trim() === '') return;
    remember(text.trim());
    run.mutate({ text, params: params.value });
  };

  const pick = (text: string, params?: Record<string, JsonValue>) => {
    setQuery(text);
    setParamsText(JSON.stringify(params ?? {}, null, 2));
    setEditorKey((k) => k + 1); // the editor takes a new value on remount
  };

  // A saved query opens as it was saved, and runs at once (also from its link, /console?saved=<id>).
  const [openedSaved, setOpenedSaved] = useState<SavedQuery | null>(null);
  const openSaved = (saved: SavedQuery) => {
    pick(saved.query, saved.params);
    setOpenedSaved(saved);
    setParamsError(null);
    remember(saved.query.trim());
    run.mutate({ text: saved.query, params: saved.params });
  };
  const linkError = useSavedQueryLink(openSaved);

  const error = run.error instanceof ConsoleRunError ? run.error : null;
  return (
    <main className="console-page">
      <h2>Cypher console</h2>
      <p className="muted">
        Read-only: writes, file and URL access and admin commands are refused; queries stop after a time limit.
      </p>
      <div className="console-layout">
        <div className="console-main">
          {linkError && (
            <p role="alert" className="console-error">
              The saved query in this link cannot be opened: {linkError.message}
            </p>
          )}
          {openedSaved && (
            <p className="muted">
              Saved query: <strong>{openedSaved.name}</strong>
              {openedSaved.description && ` — ${openedSaved.description}`}
            </p>
          )}
          <CypherInput key={editorKey} value={query} onChange={setQuery} onRun={execute} />
          <label className="console-params">
            Parameters (JSON)
            <textarea value={paramsText} onChange={(e) => setParamsText(e.target.value)} rows={3} />
          </label>
          {paramsError && <p role="alert">{paramsError}</p>}
          <div className="console-actions">
            <button type="button" onClick={execute} disabled={run.isPending}>
              {run.isPending ? 'Running…' : 'Run (Ctrl+Enter)'}
            </button>{' '}
            <SaveQueryForm query={query} paramsText={paramsText} />
          </div>
          {error && (
            <div role="alert" className="console-error">
              <strong>{error.status === 403 ? 'Refused' : error.status === 504 ? 'Stopped' : 'Error'}:</strong>{' '}
              {error.message}
              {error.position && ` (line ${error.position.line}, column ${error.position.column})`}
            </div>
          )}
          {run.data && !run.isPending && run.variables && (
            <>
              <button type="button" onClick={() => setExporting(true)} disabled={run.data.graph.nodes.length === 0}>
                Export result…
              </button>
              {exporting && (
                <ExportDialog
                  scopes={[
                    {
                      kind: 'query',
                      label: 'The result',
                      query: run.variables.text,
                      params: run.variables.params,
                      entities: run.data.graph.nodes.length,
                    },
                  ]}
                  onClose={() => setExporting(false)}
                />
              )}
              <ResultView result={run.data} />
            </>
          )}
        </div>
        <Sidebar
          history={history}
          onPick={(text, params) => {
            setOpenedSaved(null);
            pick(text, params);
          }}
          onOpenSaved={openSaved}
        />
      </div>
    </main>
  );
}
