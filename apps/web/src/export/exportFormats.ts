import type { ExportFormat } from '@explorer/model';

/** Pictures of the canvas, drawn in the browser; every other format comes from POST /api/export. */
export const PICTURE_FORMATS = ['png', 'svg'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];
export type DownloadFormat = ExportFormat | PictureFormat;

/** What each format is for, in the words of the tool that reads it (README: Export). */
export const FORMAT_LABELS: Record<DownloadFormat, string> = {
  json: 'JSON — this tool’s graph, with sources (reopens on the canvas)',
  cyjs: 'Cytoscape JSON — Cytoscape desktop, Cytoscape.js',
  graphml: 'GraphML — yEd, Gephi, NetworkX',
  gexf: 'GEXF 1.3 — Gephi, with dates as spells',
  csv: 'CSV (zip) — spreadsheets, neo4j-admin import',
  cypher: 'Cypher script — recreates the subgraph in another Neo4j',
  ftm: 'FollowTheMoney JSON lines — Aleph, OpenSanctions pipelines',
  'sources-md': 'Sources appendix (Markdown) — to paste under a story',
  'sources-csv': 'Sources appendix (CSV)',
  html: 'Interactive HTML page — opens offline, to publish beside a story',
  png: 'PNG picture of the canvas, with the legend',
  svg: 'SVG drawing of the canvas, with the legend',
};

export const isPictureFormat = (format: DownloadFormat): format is PictureFormat =>
  (PICTURE_FORMATS as readonly string[]).includes(format);
