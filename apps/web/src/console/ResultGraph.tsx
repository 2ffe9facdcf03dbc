import type { ConsoleResponse } from '@explorer/model';
import { useState } from 'react';
import { EdgeTooltip } from '../explorer/canvas/EdgeTooltip.tsx';
import { GraphCanvas, type CanvasTarget } from '../explorer/canvas/GraphCanvas.tsx';
import { Legend } from '../explorer/canvas/Legend.tsx';
import type { LayoutRequest, Point } from '../explorer/state/canvasState.ts';
import { GraphList } from './GraphList.tsx';
import { GraphSelection } from './GraphSelection.tsx';
import { SendToCanvasButton } from './SendToCanvasButton.tsx';

// The result is drawn once and never pinned or highlighted: constants keep the canvas's effects quiet.
const NO_PINS: Record<string, Point> = {};
const NO_HIGHLIGHT = { nodeIds: [], edgeIds: [] };
const LAYOUT: LayoutRequest = { name: 'fcose' };
const ignore = () => {};

/** The result drawn as the explorer draws its canvas, with the legend, the clicked element and lists. */
export function ResultGraph({ graph }: { graph: ConsoleResponse['graph'] }) {
  const [selection, setSelection] = useState<{ ids: string[]; focus: string | null }>({ ids: [], focus: null });
  const [hover, setHover] = useState<CanvasTarget | null>(null);
  const hoveredEdge = hover ? graph.edges.find((e) => e.id === hover.id) : undefined;

  // Selection adds up (as in the explorer); what the reader clicked last is what the details show.
  const select = (ids: string[]) =>
    setSelection((previous) => ({
      ids,
      focus:
        ids.find((id) => !previous.ids.includes(id)) ?? (ids.includes(previous.focus ?? '') ? previous.focus : null),
    }));

  const entities = graph.nodes.length;
  const relationships = graph.edges.length;
  return (
    <div className="console-graph-view">
      <div className="console-graph-bar">
        <p className="console-graph-count">
          Showing {entities} {entities === 1 ? 'entity' : 'entities'} and {relationships}{' '}
          {relationships === 1 ? 'relationship' : 'relationships'}
          {graph.truncated && ' (cut short: the answer held more than the graph can take)'}
        </p>
        <SendToCanvasButton graph={graph} />
      </div>
      {entities > 0 && (
        <>
          <div className="canvas-frame console-graph-frame">
            <GraphCanvas
              nodes={graph.nodes}
              edges={graph.edges}
              pinned={NO_PINS}
              highlight={NO_HIGHLIGHT}
              layout={LAYOUT}
              layoutRun={0}
              selectedIds={selection.ids}
              onSelectionChange={select}
              onExpand={ignore}
              onContextMenu={ignore}
              onHoverEdge={setHover}
            />
          </div>
          <Legend />
          <GraphSelection graph={graph} id={selection.focus} />
          <GraphList
            graph={graph}
            selectedId={selection.focus}
            onSelect={(id) => setSelection({ ids: [id], focus: id })}
          />
        </>
      )}
      {hoveredEdge && hover && <EdgeTooltip edge={hoveredEdge} at={hover} />}
    </div>
  );
}
