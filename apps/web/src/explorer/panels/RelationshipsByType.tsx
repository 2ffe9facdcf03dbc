import { RELATIONSHIP_RULES, type Graph, type GraphEdge, type GraphNode } from '@explorer/model';
import { useNeighborPages } from '../../api/hooks.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';

interface Props {
  id: string;
  onCanvas: (edgeId: string) => boolean;
  onAdd: (graph: Graph) => void;
}

interface Group {
  key: string;
  title: string;
  edges: Array<{ edge: GraphEdge; other: GraphNode }>;
}

/** Groups the entity's relationships by type and direction, each readable as a sentence. */
function groupEdges(id: string, graph: Graph): Group[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, Group>();
  for (const edge of graph.edges) {
    const outgoing = edge.source === id;
    const other = byId.get(outgoing ? edge.target : edge.source);
    if (!other) continue;
    const key = `${edge.type}-${outgoing ? 'out' : 'in'}`;
    const reads = RELATIONSHIP_RULES[edge.type].reads;
    const title = outgoing ? `${edge.type} — this entity ${reads} …` : `${edge.type} — … ${reads} this entity`;
    const group = groups.get(key) ?? { key, title, edges: [] };
    group.edges.push({ edge, other });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The pages read so far as one graph (a node may be on several pages). */
function joinPages(pages: readonly Graph[]): Graph {
  const nodes = new Map<string, GraphNode>();
  for (const page of pages) for (const n of page.nodes) nodes.set(n.id, n);
  return { nodes: [...nodes.values()], edges: pages.flatMap((p) => p.edges) };
}

/** Relationships read per page: a hub's are listed a page at a time, on request. */
const PAGE = 500;

/** The entity's relationships grouped by type; each (or a whole group) can be added to the canvas. */
export function RelationshipsByType({ id, onCanvas, onAdd }: Props) {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useNeighborPages(id, {
    limit: PAGE,
  });
  if (error) return <ErrorBanner error={error} />;
  if (isPending) return <p aria-busy="true">Loading relationships…</p>;
  const graph = joinPages(data.pages);
  const center = graph.nodes.find((n) => n.id === id);
  const groups = groupEdges(id, graph);
  if (!center || groups.length === 0) return <p className="muted">None.</p>;
  const add = (items: Group['edges']) =>
    onAdd({ nodes: [center, ...items.map((i) => i.other)], edges: items.map((i) => i.edge) });
  return (
    <div className="relationship-groups">
      {hasNextPage && (
        <p className="caveat">
          The first {graph.edges.length.toLocaleString('en-US')} relationships are listed.{' '}
          <button
            type="button"
            className="link-button"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage ? 'Loading…' : `List the next ${PAGE}`}
          </button>
        </p>
      )}
      {groups.map((group) => (
        <section key={group.key} aria-label={group.title}>
          <h4>
            {group.title} ({group.edges.length}){' '}
            <button type="button" className="link-button" onClick={() => add(group.edges)}>
              Add all
            </button>
          </h4>
          <ul>
            {group.edges.map(({ edge, other }) => (
              <li key={edge.id}>
                {other.name} <span className="muted">({other.kind})</span>{' '}
                {onCanvas(edge.id) ? (
                  <span className="muted">on the canvas</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => add([{ edge, other }])}>
                    Add to canvas
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
