import { RELATIONSHIP_TYPES, type RelationshipType } from '@explorer/model';
import { useState } from 'react';
import { LAYOUT_NAMES, type LayoutName } from '../state/canvasState.ts';
import type { CanvasActions } from '../state/useCanvasActions.ts';

const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  dagre: 'Left to right (chains)',
  concentric: 'Concentric',
};

interface Props {
  actions: CanvasActions;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  pinnedIds: string[];
  onPin: (ids: string[]) => void;
  onFit: () => void;
  onExport: () => void;
}

/** Buttons acting on the canvas and its selection; each also has a keyboard shortcut (see title). */
export function CanvasToolbar(props: Props) {
  const { actions, selectedNodeIds, selectedEdgeIds, pinnedIds, onPin, onFit, onExport } = props;
  const [expandType, setExpandType] = useState<RelationshipType | ''>('');
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const none = selectedNodeIds.length === 0;
  const allPinned = !none && selectedNodeIds.every((id) => pinnedIds.includes(id));
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" onClick={actions.undo} disabled={!actions.canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" onClick={actions.redo} disabled={!actions.canRedo} title="Redo (Ctrl+Y)">
        Redo
      </button>
      <span className="toolbar-group">
        <button
          type="button"
          disabled={none}
          onClick={() => void actions.expand(selectedNodeIds, expandType ? [expandType] : undefined)}
          title="Expand the selected entities' neighbours (E, or double-click)"
        >
          Expand
        </button>
        <select
          aria-label="Expand only this relationship type"
          value={expandType}
          onChange={(e) => setExpandType(e.target.value as RelationshipType | '')}
        >
          <option value="">all types</option>
          {RELATIONSHIP_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={none}
          onClick={() => actions.collapse(selectedNodeIds)}
          title="Collapse: take off the neighbours linked only to the selected entities (C)"
        >
          Collapse
        </button>
      </span>
      <button
        type="button"
        disabled={none && selectedEdgeIds.length === 0}
        onClick={() => actions.remove([...selectedNodeIds, ...selectedEdgeIds])}
        title="Remove the selection from the canvas (Delete)"
      >
        Remove
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => (allPinned ? actions.unpin(selectedNodeIds) : onPin(selectedNodeIds))}
        title="Pin: layouts leave pinned entities where they are (P)"
      >
        {allPinned ? 'Unpin' : 'Pin'}
      </button>
      <button
        type="button"
        onClick={() => void actions.connect()}
        title="Show every relationship among the entities already on the canvas"
      >
        Connect
      </button>
      <span className="toolbar-group">
        <select aria-label="Layout" value={layout} onChange={(e) => setLayout(e.target.value as LayoutName)}>
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_LABELS[name]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => actions.layout({ name: layout })}>
          Lay out
        </button>
      </span>
      <button type="button" onClick={onFit}>
        Fit
      </button>
      <button type="button" onClick={actions.clear}>
        Clear
      </button>
      <button type="button" onClick={onExport} title="Download the canvas, the selection or the found paths">
        Export…
      </button>
      <label className="file-button" title="Put the graph of a file saved with Export → JSON on the canvas">
        Open file…
        <input
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // choosing the same file again must open it again
            if (file) void actions.openFile(file);
          }}
        />
      </label>
    </div>
  );
}
