import type { Graph } from '@explorer/model';
import { EntityDetails } from '../../components/EntityDetails.tsx';
import { RelationshipDetails } from './RelationshipDetails.tsx';
import { RelationshipsByType } from './RelationshipsByType.tsx';

interface Props {
  /** The element the panel describes: the last one selected. */
  focus: { kind: 'entity' | 'relationship'; id: string } | null;
  onCanvas: (edgeId: string) => boolean;
  onAdd: (graph: Graph) => void;
}

/** The selected entity's or relationship's details, sources and (for an entity) relationships. */
export function DetailPanel({ focus, onCanvas, onAdd }: Props) {
  return (
    <section className="details-pane" aria-label="Details">
      {focus === null ? (
        <p className="muted">Select an entity or a relationship on the canvas to see its details and sources.</p>
      ) : focus.kind === 'entity' ? (
        <EntityDetails
          key={focus.id}
          id={focus.id}
          relationships={<RelationshipsByType id={focus.id} onCanvas={onCanvas} onAdd={onAdd} />}
        />
      ) : (
        <RelationshipDetails key={focus.id} id={focus.id} />
      )}
    </section>
  );
}
