import { SAVED_QUERY_LIMITS, type SavedQuery } from '@explorer/model';
import { useState, type FormEvent } from 'react';
import { parseParams } from './params.ts';
import { savedQueryLink } from './savedQueriesApi.ts';
import { useSaveQuery } from './useSavedQueries.ts';

/** "Save…" next to Run: asks for a name, then stores the query and its parameters on the server. */
export function SaveQueryForm({ query, paramsText }: { query: string; paramsText: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedQuery | null>(null);
  const save = useSaveQuery();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = parseParams(paramsText);
    if (!params.ok) return setProblem(params.error);
    setProblem(null);
    save.mutate(
      { name, query, params: params.value },
      {
        onSuccess: (result) => {
          setSaved(result);
          setOpen(false);
          setName('');
        },
        // The server names the field, the name already taken, or why the console refuses the query.
        onError: (error) => setProblem(error.message),
      },
    );
  };

  if (!open) {
    return (
      <span className="console-save">
        <button
          type="button"
          disabled={query.trim() === ''}
          onClick={() => {
            setOpen(true);
            setSaved(null);
          }}
        >
          Save…
        </button>
        {saved && (
          <span aria-live="polite" className="muted">
            {' '}
            Saved “{saved.name}”: <a href={savedQueryLink(saved.id)}>{savedQueryLink(saved.id)}</a>
          </span>
        )}
      </span>
    );
  }
  return (
    <form className="console-save-form" aria-label="Save the query" onSubmit={submit}>
      <label>
        Name
        <input
          autoFocus
          value={name}
          maxLength={SAVED_QUERY_LIMITS.nameMaxChars}
          onChange={(event) => setName(event.target.value)}
        />
      </label>{' '}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save'}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}
