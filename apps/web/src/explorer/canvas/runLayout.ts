import type { Core, LayoutOptions } from 'cytoscape';
import type { LayoutRequest, Point } from '../state/canvasState.ts';

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
    case 'fcose':
      return {
        ...common,
        name: 'fcose',
        randomize: false,
        quality: 'default',
        // Labels are long (full legal names): keep them from overlapping.
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 20000,
        idealEdgeLength: () => 160,
        fixedNodeConstraint: Object.entries(pinned)
          .filter(([id]) => cy.getElementById(id).nonempty())
          .map(([nodeId, position]) => ({ nodeId, position })),
      } as LayoutOptions;
  }
}

/** Lays out the whole canvas; pinned (locked) nodes keep their place whatever the layout. */
export function runLayout(cy: Core, layout: LayoutRequest, pinned: Record<string, Point>): void {
  if (cy.nodes().empty()) return;
  cy.layout(options(cy, layout, pinned)).run();
}
