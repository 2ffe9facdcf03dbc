import type { Graph } from '@explorer/model';
import { useId } from 'react';
import { mergeResultIntoCanvas, openExplorer, readSavedCanvas } from './sendToCanvas.ts';

/** Opens the explorer with the result's entities and relationships added to the canvas it had. */
export function SendToCanvasButton({ graph }: { graph: Graph }) {
  const why = useId();
  const merge = mergeResultIntoCanvas(readSavedCanvas(), graph);
  return (
    <span className="console-send">
      <button
        type="button"
        disabled={!merge.ok}
        aria-describedby={why}
        onClick={() => {
          // The canvas may have changed in another tab since this rendered: merge with the latest.
          const latest = mergeResultIntoCanvas(readSavedCanvas(), graph);
          if (latest.ok) openExplorer(latest.search);
        }}
      >
        Send to canvas
      </button>{' '}
      <span id={why} className="muted">
        {merge.ok
          ? `Adds ${merge.added} ${merge.added === 1 ? 'entity' : 'entities'} to the explorer's canvas, keeping what is there.`
          : merge.reason}
      </span>
    </span>
  );
}
