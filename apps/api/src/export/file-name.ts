import { isSynthetic, type Subgraph } from './subgraph.ts';

/** Safe in any file system and header: ids are already [A-Za-z0-9._:-]; ":" is not safe everywhere. */
const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * What and when: "explorer_seagate-and-2-more_1hop_synthetic_20261125T234212Z.graphml", or for a console
 * query "explorer_query-12-entities_20261125T234212Z.graphml".
 * `synthetic` appears when the file holds fictional data.
 */
export function exportFileName(graph: Subgraph, extension: string): string {
  const [first, ...rest] = graph.scope.nodeIds;
  const named = `${safe(first ?? 'subgraph')}${rest.length > 0 ? `-and-${rest.length}-more` : ''}`;
  // A query's result is named by the query, not by whichever entity happens to sort first.
  const what = graph.scope.query === undefined ? named : `query-${graph.nodes.length}-entities`;
  const hops = `${graph.scope.hops}hop${graph.scope.hops === 1 ? '' : 's'}`;
  const when = graph.scope.exportedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const parts = [
    'explorer',
    what.slice(0, 80),
    ...(graph.scope.query === undefined ? [hops] : []),
    ...(isSynthetic(graph) ? ['synthetic'] : []),
    when,
  ];
  return `${parts.join('_')}.${extension}`;
}

/** The Content-Disposition header for a download of that name (ASCII only, so no filename* needed). */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
