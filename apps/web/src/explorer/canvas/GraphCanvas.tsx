import type { GraphEdge, GraphNode } from '@explorer/model';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { canvasPng, canvasSvg } from '../../export/canvasImage.ts';
import type { PictureFormat } from '../../export/exportFormats.ts';
import type { LayoutRequest, Point } from '../state/canvasState.ts';
import { CANVAS_STYLE, KIND_STYLE, edgeLabel, nodeLabel } from './canvasStyles.ts';
import { isBigCanvas } from './bigCanvas.ts';
import { runLayout } from './runLayout.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);

/** What the page can ask of the canvas directly. */
export interface GraphCanvasHandle {
  positions: (ids: readonly string[]) => Record<string, Point>;
  fit: () => void;
  /** The canvas as shown, as a picture with the legend (the export dialog's png and svg). */
  picture: (format: PictureFormat) => Promise<Blob>;
}

export interface CanvasTarget {
  kind: 'node' | 'edge';
  id: string;
  /** Where on the screen (page coordinates), for a menu or a tooltip. */
  x: number;
  y: number;
}

interface Props {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  pinned: Record<string, Point>;
  highlight: { nodeIds: readonly string[]; edgeIds: readonly string[] };
  layout: LayoutRequest;
  layoutRun: number;
  selectedIds: readonly string[];
  onSelectionChange: (ids: string[]) => void;
  onExpand: (id: string) => void;
  onContextMenu: (target: CanvasTarget) => void;
  onHoverEdge: (target: CanvasTarget | null) => void;
  handle?: Ref<GraphCanvasHandle>;
}

function nodeData(node: GraphNode) {
  const style = KIND_STYLE[node.kind];
  return {
    id: node.id,
    label: nodeLabel(node),
    colour: style.colour,
    shape: style.shape,
    listed: node.flags.listings.length > 0,
    synthetic: node.flags.synthetic,
    group: node.flags.group,
  };
}

function edgeData(edge: GraphEdge, bigCanvas: boolean) {
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    // Thousands of rotated labels are most of the drawing time of a big canvas.
    label: bigCanvas ? '' : edgeLabel(edge),
    synthetic: edge.properties['synthetic'] === true,
  };
}

/** Each node's neighbours through `edges`, built once per update (not once per node). */
function neighbourIndex(edges: readonly GraphEdge[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = index.get(a);
    if (list) list.push(b);
    else index.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  return index;
}

/** A new node starts next to the canvas nodes it links to, so a layout moves the picture little. */
function startPosition(cy: Core, node: GraphNode, neighbours: Map<string, string[]>): Point {
  const around = (neighbours.get(node.id) ?? []).map((id) => cy.getElementById(id)).filter((n) => n.nonempty());
  const jitter = () => (Math.random() - 0.5) * 80;
  if (around.length === 0) return { x: jitter(), y: jitter() };
  const x = around.reduce((sum, n) => sum + n.position('x'), 0) / around.length;
  const y = around.reduce((sum, n) => sum + n.position('y'), 0) / around.length;
  return { x: x + jitter(), y: y + jitter() };
}

/**
 * Hides relationships while the user pans or zooms a big canvas: redrawing 5,000 of them per frame
 * made pan/zoom crawl (13 frames/s, 37 without; README: Explorer). Cytoscape reads this renderer
 * option on every frame but only takes it at start-up, and small canvases should keep their lines.
 */
function hideEdgesWhileMoving(cy: Core, hide: boolean): void {
  const { renderer } = cy as unknown as { renderer: () => { hideEdgesOnViewport?: boolean } };
  renderer.call(cy).hideEdgesOnViewport = hide;
}

/** The Cytoscape.js canvas: the only component that talks to Cytoscape. */
export function GraphCanvas(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const callbacks = useRef(props);
  const syncingSelection = useRef(false);
  useEffect(() => {
    callbacks.current = props;
  });

  useImperativeHandle(
    props.handle,
    () => ({
      positions: (ids) =>
        Object.fromEntries(
          ids.flatMap((id) => {
            const node = cyRef.current?.getElementById(id);
            return node && node.nonempty() ? [[id, { ...node.position() }]] : [];
          }),
        ),
      fit: () => cyRef.current?.fit(undefined, 40),
      picture: async (format) => {
        const cy = cyRef.current;
        if (!cy) throw new Error('The canvas is not ready.');
        return format === 'png' ? canvasPng(cy) : new Blob([canvasSvg(cy)], { type: 'image/svg+xml' });
      },
    }),
    [],
  );

  // Create the instance once; events report to the latest callbacks.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: CANVAS_STYLE,
      boxSelectionEnabled: true,
      selectionType: 'additive',
      minZoom: 0.05,
      // Pan and zoom move a snapshot and redraw once the user stops: a canvas of thousands of
      // elements stays smooth (see the canvas benchmark in the README); small ones look the same.
      textureOnViewport: true,
      // Fitting a few nodes must not blow their labels up.
      maxZoom: 1.75,
    });
    cyRef.current = cy;
    const reportSelection = () => {
      if (syncingSelection.current) return;
      callbacks.current.onSelectionChange(cy.$(':selected').map((e) => e.id()));
    };
    cy.on('select unselect', reportSelection);
    cy.on('dbltap', 'node', (event) => callbacks.current.onExpand(event.target.id()));
    cy.on('cxttap', 'node, edge', (event) => {
      const target = event.target as cytoscape.SingularElementArgument;
      const rect = container.current?.getBoundingClientRect();
      callbacks.current.onContextMenu({
        kind: target.isNode() ? 'node' : 'edge',
        id: target.id(),
        x: (rect?.left ?? 0) + window.scrollX + event.renderedPosition.x,
        y: (rect?.top ?? 0) + window.scrollY + event.renderedPosition.y,
      });
    });
    cy.on('mouseover', 'edge', (event) => {
      const rect = container.current?.getBoundingClientRect();
      callbacks.current.onHoverEdge({
        kind: 'edge',
        id: event.target.id(),
        x: (rect?.left ?? 0) + window.scrollX + event.renderedPosition.x,
        y: (rect?.top ?? 0) + window.scrollY + event.renderedPosition.y,
      });
    });
    cy.on('mouseout', 'edge', () => callbacks.current.onHoverEdge(null));
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Elements: remove what left, add what came (next to its neighbours), refresh the rest.
  const { nodes, edges } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
    let added = 0;
    cy.batch(() => {
      cy.elements()
        .filter((e) => !wanted.has(e.id()))
        .remove();
      const additions: ElementDefinition[] = [];
      const neighbours = neighbourIndex(edges);
      for (const node of nodes) {
        const existing = cy.getElementById(node.id);
        if (existing.nonempty()) existing.data(nodeData(node));
        else additions.push({ group: 'nodes', data: nodeData(node), position: startPosition(cy, node, neighbours) });
      }
      cy.add(additions);
      added = additions.length;
      const edgeAdditions: ElementDefinition[] = [];
      const big = isBigCanvas(nodes.length);
      for (const edge of edges) {
        const existing = cy.getElementById(edge.id);
        if (existing.nonempty()) existing.data(edgeData(edge, big));
        else edgeAdditions.push({ group: 'edges', data: edgeData(edge, big) });
      }
      cy.add(edgeAdditions);
      cy.elements().toggleClass('big', big);
    });
    hideEdgesWhileMoving(cy, isBigCanvas(nodes.length));
    if (added > 0) runLayout(cy, callbacks.current.layout, callbacks.current.pinned);
  }, [nodes, edges]);

  // Pinned nodes are locked where the user left them.
  const { pinned } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes().forEach((node) => {
      const pin = pinned[node.id()];
      if (pin) {
        node.unlock().position(pin).lock().addClass('pinned');
      } else if (node.locked()) {
        node.unlock().removeClass('pinned');
      }
    });
  }, [pinned, nodes]);

  // Found paths stand out; the rest fades.
  const { highlight } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const lit = new Set([...highlight.nodeIds, ...highlight.edgeIds]);
    cy.batch(() => {
      cy.elements().removeClass('highlighted faded');
      if (lit.size === 0) return;
      cy.elements().forEach((e) => {
        e.addClass(lit.has(e.id()) ? 'highlighted' : 'faded');
      });
    });
  }, [highlight, nodes, edges]);

  // An explicit layout request (layout picker, undo, reopened link) lays out everything again.
  const { layout, layoutRun } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (cy) runLayout(cy, layout, callbacks.current.pinned);
  }, [layout, layoutRun]);

  // Selection made elsewhere (lists, panels) shows on the canvas.
  const { selectedIds } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Set(selectedIds);
    syncingSelection.current = true;
    cy.batch(() => {
      cy.elements().forEach((e) => {
        if (wanted.has(e.id()) && !e.selected()) e.select();
        else if (!wanted.has(e.id()) && e.selected()) e.unselect();
      });
    });
    syncingSelection.current = false;
  }, [selectedIds, nodes, edges]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      role="img"
      aria-label={`Graph canvas: ${nodes.length} entities, ${edges.length} relationships`}
      data-testid="graph-canvas"
    />
  );
}
