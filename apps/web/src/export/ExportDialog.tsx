import { EXPORT_FORMATS, EXPORT_LIMITS, type JsonValue } from '@explorer/model';
import { useEffect, useRef, useState } from 'react';
import { postForFile } from '../api/client.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import {
  FORMAT_LABELS,
  PICTURE_FORMATS,
  isPictureFormat,
  type DownloadFormat,
  type PictureFormat,
} from './exportFormats.ts';
import { pictureFileName, saveFile } from './saveFile.ts';

/** One thing the user can export: entities by id (canvas, selection, paths) or a console query. */
export type ExportScope =
  | { kind: 'ids'; label: string; nodeIds: string[]; relationships: number }
  | { kind: 'query'; label: string; query: string; params: Record<string, JsonValue>; entities: number };

interface Props {
  scopes: ExportScope[];
  /** Draws the canvas as a picture; without it (the console) png and svg are not offered. */
  picture?: (format: PictureFormat) => Promise<Blob>;
  onClose: () => void;
}

const kB = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString()} kB`;

function describe(scope: ExportScope): string {
  return scope.kind === 'ids'
    ? `${scope.nodeIds.length} entities and ${scope.relationships} relationships, with the sources they cite`
    : `the ${scope.entities} entities of the result and its relationships, with the sources they cite`;
}

/** Why a scope cannot be exported by the API, or null. */
function refusal(scope: ExportScope | undefined): string | null {
  if (!scope) return 'Nothing to export.';
  if (scope.kind === 'ids' && scope.nodeIds.length === 0) return 'There are no entities to export.';
  if (scope.kind === 'ids' && scope.nodeIds.length > EXPORT_LIMITS.nodeIdsMax) {
    return `An export names at most ${EXPORT_LIMITS.nodeIdsMax} entities; select fewer.`;
  }
  return null;
}

/** The export dialog: what (scope), which format, how big; downloads with progress. */
export function ExportDialog({ scopes, picture, onClose }: Props) {
  const formats: DownloadFormat[] = [...EXPORT_FORMATS, ...(picture ? PICTURE_FORMATS : [])];
  const [scopeIndex, setScopeIndex] = useState(0);
  const [format, setFormat] = useState<DownloadFormat>('graphml');
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const scope = scopes[scopeIndex];
  const picturing = isPictureFormat(format);
  const blocked = picturing ? null : refusal(scope);

  const download = async () => {
    if (!scope) return;
    setError(null);
    setBusy(true);
    setProgress('Preparing…');
    try {
      if (picture && isPictureFormat(format)) {
        saveFile(await picture(format), pictureFileName(format));
      } else {
        const request =
          scope.kind === 'ids'
            ? { format, nodeIds: scope.nodeIds, hops: 0 }
            : { format, query: scope.query, params: scope.params };
        const file = await postForFile('/export', request, (bytes) => setProgress(`Received ${kB(bytes)}…`));
        saveFile(file.blob, file.fileName ?? `explorer-export.${format}`);
      }
      setProgress('Downloaded.');
    } catch (e) {
      setError(e as Error);
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export</h2>
      {scopes.length > 1 && (
        <fieldset>
          <legend>What</legend>
          {scopes.map((s, i) => (
            <label key={s.label} className="check">
              <input type="radio" name="export-scope" checked={i === scopeIndex} onChange={() => setScopeIndex(i)} />
              {s.label}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as DownloadFormat)}>
          {formats.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" aria-live="polite">
        {picturing ? 'The canvas as it is shown now, with the legend.' : scope && describe(scope)}
      </p>
      {blocked && <p role="alert">{blocked}</p>}
      {error && <ErrorBanner error={error} />}
      <p aria-live="polite" className="export-progress">
        {progress}
      </p>
      <div className="export-actions">
        <button type="button" onClick={() => void download()} disabled={Boolean(blocked) || busy}>
          Download
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
