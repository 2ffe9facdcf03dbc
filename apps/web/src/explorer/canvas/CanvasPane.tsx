import { useCallback, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { ExportDialog } from '../../export/ExportDialog.tsx';
import { exportScopes } from '../../export/exportScopes.ts';
import type { CanvasActions } from '../state/useCanvasActions.ts';
import { useCanvasStore } from '../state/useCanvasStore.ts';
import { visibleElements } from '../state/visibleElements.ts';
import { isBigCanvas } from './bigCanvas.ts';
import { CanvasContextMenu } from './CanvasContextMenu.tsx';
import { CanvasEntityList } from './CanvasEntityList.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { EdgeTooltip } from './EdgeTooltip.tsx';
import { GraphCanvas, type CanvasTarget, type GraphCanvasHandle } from './GraphCanvas.tsx';
import { Legend } from './Legend.tsx';

interface Props {
  actions: CanvasActions;
  canvasHandle: RefObject<GraphCanvasHandle | null>;
  selectedIds: string[];
  onSelectionChange: (ids: string[]) => void;
}

/** The canvas with its toolbar, status line, legend, entity list, menu and tooltip. */
export function CanvasPane({ actions, canvasHandle, selectedIds, onSelectionChange }: Props) {
  const { history } = useCanvasStore();
  const canvas = history.present;
  const { nodes, edges } = useMemo(() => visibleElements(canvas), [canvas]);
  const [menu, setMenu] = useState<CanvasTarget | null>(null);
  const [hover, setHover] = useState<CanvasTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const closeMenu = useCallback(() => setMenu(null), []);

  const selectedNodeIds = selectedIds.filter((id) => canvas.nodes[id]);
  const selectedEdgeIds = selectedIds.filter((id) => canvas.edges[id]);
  const pinnedIds = Object.keys(canvas.pinned);
  const pin = (ids: string[]) => actions.pin(canvasHandle.current?.positions(ids) ?? {});
  const totalNodes = Object.keys(canvas.nodes).length;
  const hoveredEdge = hover ? canvas.edges[hover.id] : undefined;

  // Keyboard actions on the focused canvas: E expand, C collapse, Delete remove, P pin, Ctrl+Z / Ctrl+Y, Escape.
  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key.toLowerCase();
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && key === 'z' && !event.shiftKey) actions.undo();
    else if (ctrl && (key === 'y' || (key === 'z' && event.shiftKey))) actions.redo();
    else if (ctrl) return;
    else if (key === 'e' && selectedNodeIds.length > 0) void actions.expand(selectedNodeIds);
    else if (key === 'c' && selectedNodeIds.length > 0) actions.collapse(selectedNodeIds);
    else if ((key === 'delete' || key === 'backspace') && selectedIds.length > 0) actions.remove(selectedIds);
    else if (key === 'p' && selectedNodeIds.length > 0) pin(selectedNodeIds);
    else if (key === 'escape') onSelectionChange([]);
    else return;
    event.preventDefault();
  };

  return (
    <section className="canvas-pane" aria-label="Canvas">
      <CanvasToolbar
        actions={actions}
        selectedNodeIds={selectedNodeIds}
        selectedEdgeIds={selectedEdgeIds}
        pinnedIds={pinnedIds}
        onPin={pin}
        onFit={() => canvasHandle.current?.fit()}
        onExport={() => setExporting(true)}
      />
      <p className="canvas-status muted" aria-live="polite">
        {actions.busy ??
          `${nodes.length} entities · ${edges.length} relationships shown` +
            (nodes.length < totalNodes ? ` · ${totalNodes - nodes.length} entities hidden by filters` : '') +
            (isBigCanvas(nodes.length) ? ' · a big canvas: names show on selected entities and found paths' : '')}
      </p>
      {actions.error && <ErrorBanner error={actions.error} />}
      <div
        className="canvas-frame"
        tabIndex={0}
        onKeyDown={onKeyDown}
        // Cytoscape swallows the pointer event, so focus the frame ourselves for the shortcuts.
        onPointerDown={(event) => event.currentTarget.focus()}
        aria-label="Canvas: E expands, C collapses, Delete removes, P pins the selection; Ctrl+Z undoes"
      >
        <GraphCanvas
          nodes={nodes}
          edges={edges}
          pinned={canvas.pinned}
          highlight={canvas.highlight}
          layout={canvas.layout}
          layoutRun={canvas.layoutRun}
          selectedIds={selectedIds}
          onSelectionChange={onSelectionChange}
          onExpand={(id) => void actions.expand([id])}
          onContextMenu={setMenu}
          onHoverEdge={setHover}
          handle={canvasHandle}
        />
        {totalNodes === 0 && (
          <p className="canvas-empty">
            The canvas is empty. Search for a company, a bureau or a product and add it here; then double-click it to
            expand its neighbours.
          </p>
        )}
      </div>
      <Legend />
      <CanvasEntityList
        nodes={nodes}
        edges={edges}
        hiddenCount={totalNodes - nodes.length}
        selectedIds={selectedIds}
        onSelect={(id, extend) => onSelectionChange(extend ? [...selectedIds.filter((x) => x !== id), id] : [id])}
      />
      {menu && (
        <CanvasContextMenu
          target={menu}
          pinned={Boolean(canvas.pinned[menu.id])}
          onExpand={() => void actions.expand([menu.id])}
          onCollapse={() => actions.collapse([menu.id])}
          onPinToggle={() => (canvas.pinned[menu.id] ? actions.unpin([menu.id]) : pin([menu.id]))}
          onRemove={() => actions.remove([menu.id])}
          onClose={closeMenu}
        />
      )}
      {hoveredEdge && hover && <EdgeTooltip edge={hoveredEdge} at={hover} />}
      {exporting && (
        <ExportDialog
          scopes={exportScopes(canvas, nodes, edges, selectedNodeIds)}
          picture={(format) => {
            if (!canvasHandle.current) throw new Error('The canvas is not ready.');
            return canvasHandle.current.picture(format);
          }}
          onClose={() => setExporting(false)}
        />
      )}
    </section>
  );
}
