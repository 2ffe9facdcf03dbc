import type { ColumnMapping, ImportEvent, ImportProblem, ImportResult, ProcurementColumn } from '@explorer/model';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useUserName } from '../hooks/useUserName.ts';
import { ColumnMapper } from './ColumnMapper.tsx';
import { ImportReport } from './ImportReport.tsx';
import { ImportRefused, listMappings, previewImport, runImport, saveMapping, type ImportChoice } from './importApi.ts';
import { ProblemList } from './ProblemList.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { RecentImports } from './RecentImports.tsx';
import { SampleTable } from './SampleTable.tsx';
import './import.css';

const PHASE_LABELS: Record<Extract<ImportEvent, { type: 'progress' }>['phase'], string> = {
  read: 'Reading the file',
  resolve: 'Matching names against the graph',
  write: 'Writing',
};

interface Running {
  dryRun: boolean;
  label: string;
  fraction: number | null;
}

/** A run's outcome, for the exact choice it was made with. */
interface Outcome {
  choiceKey: string;
  result?: ImportResult;
  refused?: ImportProblem[];
}

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.jsonl,.ndjson,.json';

/**
 * The import page (issue 6): pick a file, see it as parsed with every problem, map its columns,
 * dry-run, then import. Nothing is written until the user confirms after a clean dry run of the
 * very same file and choices.
 */
export function ImportPage() {
  const queryClient = useQueryClient();
  // Each pick is a new key, so picking the same file again (after fixing it) reads it again.
  const [picked, setPicked] = useState<{ file: File; key: number } | null>(null);
  const file = picked?.file ?? null;
  const [userName, setUserName] = useUserName();
  const [mapping, setMapping] = useState('');
  const [columns, setColumns] = useState<ColumnMapping>({});
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [previewUpload, setPreviewUpload] = useState<number | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [runError, setRunError] = useState<Error | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [mappingSaved, setMappingSaved] = useState<string | null>(null);

  const choice: ImportChoice = { mapping: mapping || undefined, columns, validRowsOnly, importedBy: userName };
  const choiceKey = JSON.stringify([picked?.key, mapping, columns, validRowsOnly]);

  const mappings = useQuery({ queryKey: ['import-mappings'], queryFn: listMappings });
  const preview = useQuery({
    queryKey: ['import-preview', picked?.key, mapping, JSON.stringify(columns)],
    enabled: file !== null,
    queryFn: ({ signal }) => {
      setPreviewUpload(0);
      return previewImport(file as File, { mapping: mapping || undefined, columns }, setPreviewUpload, signal);
    },
    retry: false,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

  const chooseFile = (next: File | null) => {
    setPicked(next ? { file: next, key: (picked?.key ?? 0) + 1 } : null);
    setColumns({});
    setOutcome(null);
    setRunError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    const startedFor = choiceKey;
    setRunError(null);
    setOutcome(null);
    setRunning({ dryRun, label: 'Sending the file', fraction: 0 });
    try {
      const final = await runImport(file, choice, dryRun, {
        onUpload: (fraction) => setRunning({ dryRun, label: 'Sending the file', fraction }),
        onEvent: (event) => {
          if (event.type !== 'progress') return;
          const label = `${PHASE_LABELS[event.phase]}${dryRun && event.phase === 'write' ? ' (rolled back after)' : ''}`;
          setRunning({ dryRun, label, fraction: event.total > 0 ? event.done / event.total : null });
        },
      });
      setOutcome(
        final.type === 'result'
          ? { choiceKey: startedFor, result: final.result }
          : { choiceKey: startedFor, refused: final.problems },
      );
      if (!dryRun) await queryClient.invalidateQueries();
    } catch (error) {
      if (error instanceof ImportRefused) setOutcome({ choiceKey: startedFor, refused: error.problems });
      else if ((error as Error).name !== 'AbortError') setRunError(error as Error);
    } finally {
      setRunning(null);
    }
  };

  const current = outcome?.choiceKey === choiceKey ? outcome : null;
  const dryRunPassed = current?.result?.dryRun === true;
  const imported = current?.result && !current.result.dryRun ? current.result : null;
  const previewData = preview.data;
  const previewErrors = previewData?.problems.filter((p) => p.severity === 'error').length ?? 0;

  const setColumn = (header: string, column: ProcurementColumn | null) => {
    setColumns({ ...columns, [header]: column });
    setMappingSaved(null);
  };
  const saveCurrentMapping = async () => {
    if (!previewData) return;
    const all = Object.fromEntries(previewData.headers.map((h) => [h.header, h.column]));
    try {
      const saved = await saveMapping(mappingName.trim(), all);
      await queryClient.invalidateQueries({ queryKey: ['import-mappings'] });
      setMapping(saved.name);
      setColumns({});
      setMappingSaved(saved.name);
    } catch (error) {
      setRunError(error as Error);
    }
  };

  return (
    <main className="import-page">
      <h2>Import procurement records or entity lists</h2>
      <p className="hint">
        CSV or TSV (UTF-8 or GB18030), XLSX, JSON lines of this tool's records, or FollowTheMoney JSON lines. The file
        is read and checked first; nothing is written until you confirm after a dry run.
      </p>

      <section className="import-step" aria-label="The file and who imports it">
        <label>
          File{' '}
          <input
            type="file"
            accept={ACCEPT}
            onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            disabled={running !== null}
          />
        </label>
        <label>
          Your name (recorded with the import){' '}
          <input value={userName} onChange={(event) => setUserName(event.target.value)} maxLength={100} />
        </label>
        <label>
          Saved column mapping{' '}
          <select
            value={mapping}
            onChange={(event) => {
              setMapping(event.target.value);
              setColumns({});
            }}
          >
            <option value="">(none: read the headers)</option>
            {mappings.data?.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </section>

      {file && preview.isFetching && (
        <ProgressBar
          label={`Reading “${file.name}”`}
          fraction={previewUpload !== null && previewUpload < 1 ? previewUpload : null}
        />
      )}
      {preview.error && <ErrorBanner error={preview.error} />}

      {file && previewData && (
        <>
          <section className="import-step" aria-label="The file as read">
            <p>
              <strong>{previewData.fileName}</strong>: {previewData.format.toUpperCase()}
              {previewData.encoding && `, ${previewData.encoding}`}, {previewData.rowCount.toLocaleString()}{' '}
              {previewData.headers.length > 0 ? 'rows' : 'records'}.{' '}
              <span className="muted">SHA-256 {previewData.sha256.slice(0, 16)}…</span>
            </p>
            {previewData.previousImport && (
              <p className="import-warning">
                This exact file was imported on {previewData.previousImport.importedAt}
                {previewData.previousImport.importedBy && ` by ${previewData.previousImport.importedBy}`}; importing it
                again changes nothing.
              </p>
            )}
            {previewData.headers.length > 0 && (
              <>
                <ColumnMapper headers={previewData.headers} onChange={setColumn} />
                <div className="import-save-mapping">
                  <label>
                    Save this mapping as{' '}
                    <input
                      value={mappingName}
                      onChange={(event) => setMappingName(event.target.value)}
                      maxLength={80}
                    />
                  </label>{' '}
                  <button type="button" disabled={mappingName.trim() === ''} onClick={() => void saveCurrentMapping()}>
                    Save mapping
                  </button>
                  {mappingSaved && <span role="status"> Saved as “{mappingSaved}”.</span>}
                </div>
              </>
            )}
            <SampleTable preview={previewData} />
            <ProblemList problems={previewData.problems} title="Problems in the file" />
          </section>

          <section className="import-step" aria-label="Dry run and import">
            <label className="check">
              <input
                type="checkbox"
                checked={validRowsOnly}
                onChange={(event) => setValidRowsOnly(event.target.checked)}
              />{' '}
              Import only the valid rows (rows with errors are left out whole and listed)
            </label>
            {previewErrors > 0 && !validRowsOnly && (
              <p className="import-warning">
                The file has {previewErrors} error{previewErrors === 1 ? '' : 's'}: fix them, map the columns, or import
                only the valid rows.
              </p>
            )}
            <div className="import-actions">
              <button type="button" disabled={running !== null || preview.isFetching} onClick={() => void run(true)}>
                Dry run
              </button>
              <button
                type="button"
                disabled={running !== null || preview.isFetching || !dryRunPassed}
                title={dryRunPassed ? undefined : 'Run a clean dry run of this file and these choices first'}
                onClick={() => void run(false)}
              >
                Import
              </button>
            </div>
            {running && <ProgressBar label={running.label} fraction={running.fraction} />}
            {runError && <ErrorBanner error={runError} />}
            {current?.refused && (
              <div role="alert" className="error-banner">
                Refused: nothing was written.
              </div>
            )}
            {current?.refused && <ProblemList problems={current.refused} title="Why the file was refused" />}
            {current?.result && <ImportReport result={current.result} />}
          </section>
        </>
      )}
      <RecentImports highlight={imported?.sha256} />
    </main>
  );
}
