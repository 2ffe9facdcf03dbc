import type { Core, LayoutOptions } from 'cytoscape';
import type { LayoutRequest, Point } from '../state/canvasState.ts';
import { isBigCanvas } from './bigCanvas.ts';

/** Above this many nodes, layouts jump to their result instead of animating. */
const ANIMATE_UP_TO = 300;

/** Columns by hop count from the trace's start, left to right; rows spread evenly within a column. */
function tracePositions(cy: Core, depth: Record<string, number>): Record<string, Point> {
  const columns = new Map<number, string[]>();
  cy.nodes().forEach((node) => {
    const d = depth[node.id()];
    if (d === undefined) return;
    columns.set(d, [...(columns.get(d) ?? []), node.id()]);
  });
  const positions: Record<string, Point> = {};
  for (const [d, ids] of columns) {
    ids.forEach((id, i) => (positions[id] = { x: d * 260, y: (i - (ids.length - 1) / 2) * 90 }));
  }
  return positions;
}

function options(cy: Core, layout: LayoutRequest, pinned: Record<string, Point>): LayoutOptions {
  const animate = cy.nodes().length <= ANIMATE_UP_TO;
  const common = { animate, animationDuration: 300, fit: true, padding: 40 };
  switch (layout.name) {
    case 'trace': {
      const placed = tracePositions(cy, layout.depth);
      // Nodes the trace did not reach stay where they are.
      const positions = Object.fromEntries(cy.nodes().map((n) => [n.id(), placed[n.id()] ?? { ...n.position() }]));
      return { ...common, name: 'preset', positions };
    }
    case 'dagre':
      return {
        ...common,
        name: 'dagre',
        rankDir: 'LR',
        nodeSep: 40,
        rankSep: 140,
        nodeDimensionsIncludeLabels: true,
      } as LayoutOptions;
    case 'concentric':
      return { ...common, name: 'concentric', concentric: (node) => node.degree(false), minNodeSpacing: 50 };
    case 'fcose': {
      // The full refinement grows with the square of the node count: ~100 s at 2,000 nodes here.
      const big = isBigCanvas(cy.nodes().length);
      return {
        ...common,
        name: 'fcose',
        // The spectral draft needs a random start; refining an existing picture does not.
        randomize: big,
        quality: big ? 'draft' : 'default',
        // Labels are long (full legal names): keep them from overlapping while that is affordable.
        nodeDimensionsIncludeLabels: !big,
        nodeRepulsion: () => 20000,
        idealEdgeLength: () => 160,
        fixedNodeConstraint: Object.entries(pinned)
          .filter(([id]) => cy.getElementById(id).nonempty())
          .map(([nodeId, position]) => ({ nodeId, position })),
      } as LayoutOptions;
    }
  }
}

/**
 * Lays out the whole canvas; pinned (locked) nodes keep their place whatever the layout. The
 * container says whether a layout is running (`data-layout`) and how long the last one took
 * (`data-layout-ms`): the browser tests and the canvas benchmark wait on it.
 */
export function runLayout(cy: Core, layout: LayoutRequest, pinned: Record<string, Point>): void {
  const container = cy.container();
  if (cy.nodes().empty()) {
    container?.setAttribute('data-layout', 'done');
    return;
  }
  const started = performance.now();
  container?.setAttribute('data-layout', 'running');
  const running = cy.layout(options(cy, layout, pinned));
  running.one('layoutstop', () => {
    container?.setAttribute('data-layout-ms', String(Math.round(performance.now() - started)));
    container?.setAttribute('data-layout', 'done');
  });
  running.run();
}
