import type { Graph } from '@explorer/model';
import { FlagBadges } from '../components/FlagBadges.tsx';
import { PropertyList } from '../components/PropertyList.tsx';
import { KIND_STYLE } from '../explorer/canvas/canvasStyles.ts';

/** Bookkeeping a reader does not need; flags show as badges. */
const HIDDEN = new Set(['synthetic', 'group', 'dataset']);

/** What a click on the result graph shows: the entity's or relationship's name, kind and properties. */
export function GraphSelection({ graph, id }: { graph: Graph; id: string | null }) {
  const node = graph.nodes.find((n) => n.id === id);
  const edge = node ? undefined : graph.edges.find((e) => e.id === id);
  if (node) {
    return (
      <section className="console-selection" aria-label="Selected entity">
        <h3>{node.name}</h3>
        <p className="muted">
          {KIND_STYLE[node.kind].label} · <code>{node.id}</code>
        </p>
        <FlagBadges flags={node.flags} />
        <PropertyList properties={node.properties} hidden={HIDDEN} />
      </section>
    );
  }
  if (edge) {
    const name = (entityId: string) => graph.nodes.find((n) => n.id === entityId)?.name ?? entityId;
    return (
      <section className="console-selection" aria-label="Selected relationship">
        <h3>
          {name(edge.source)} —{edge.type}→ {name(edge.target)}
        </h3>
        <p className="muted">
          Relationship · <code>{edge.id}</code>
        </p>
        <PropertyList properties={edge.properties} hidden={HIDDEN} />
      </section>
    );
  }
  return <p className="muted console-selection">Click an entity or a relationship to see its properties.</p>;
}
