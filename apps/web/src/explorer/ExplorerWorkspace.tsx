import type { Graph } from '@explorer/model';
import { useMemo, useRef, useState } from 'react';
import { CanvasPane } from './canvas/CanvasPane.tsx';
import type { GraphCanvasHandle } from './canvas/GraphCanvas.tsx';
import { DetailPanel } from './panels/DetailPanel.tsx';
import { FiltersPanel } from './panels/FiltersPanel.tsx';
import { PathFinder } from './panels/PathFinder.tsx';
import { SearchPanel } from './panels/SearchPanel.tsx';
import { TracePanel } from './panels/TracePanel.tsx';
import { useCanvasActions } from './state/useCanvasActions.ts';
import { useCanvasPersistence } from './state/useCanvasPersistence.ts';
import { useCanvasStore } from './state/useCanvasStore.ts';

/** Search and tools on the left, the canvas in the middle, details of the selection on the right. */
export function ExplorerWorkspace() {
  const { history, dispatch } = useCanvasStore();
  const canvas = history.present;
  const actions = useCanvasActions();
  useCanvasPersistence(actions);
  const canvasHandle = useRef<GraphCanvasHandle>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);

  const entities = useMemo(() => Object.values(canvas.nodes), [canvas.nodes]);
  const selectedNodeIds = selectedIds.filter((id) => canvas.nodes[id]);
  const last = selectedIds.at(-1);
  const focus =
    last && canvas.nodes[last]
      ? ({ kind: 'entity', id: last } as const)
      : last && canvas.edges[last]
        ? ({ kind: 'relationship', id: last } as const)
        : null;

  const showPaths = (paths: Graph[]) => {
    const merged: Graph = { nodes: paths.flatMap((p) => p.nodes), edges: paths.flatMap((p) => p.edges) };
    if (actions.addGraph(merged)) {
      actions.highlight(
        merged.nodes.map((n) => n.id),
        merged.edges.map((e) => e.id),
      );
    }
  };

  return (
    <main className="explorer">
      <aside className="explorer-tools">
        <SearchPanel
          onAdd={(result) => {
            if (actions.addGraph({ nodes: [{ ...result, properties: { aliases: result.aliases } }], edges: [] })) {
              setSelectedIds([result.id]);
            }
          }}
        />
        <PathFinder
          entities={entities}
          suggested={selectedNodeIds}
          onFound={showPaths}
          onHighlight={(path) =>
            actions.highlight(
              path.nodes.map((n) => n.id),
              path.edges.map((e) => e.id),
            )
          }
        />
        <TracePanel
          entities={entities}
          suggested={selectedNodeIds[0]}
          onTrace={(...args) => void actions.trace(...args)}
        />
        <FiltersPanel filters={canvas.filters} onChange={(filters) => dispatch({ type: 'filter', filters })} />
      </aside>
      <CanvasPane
        actions={actions}
        canvasHandle={canvasHandle}
        selectedIds={selectedIds}
        onSelectionChange={setSelectedIds}
      />
      <DetailPanel focus={focus} onCanvas={(edgeId) => Boolean(canvas.edges[edgeId])} onAdd={actions.addGraph} />
    </main>
  );
}
