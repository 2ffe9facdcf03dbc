import { cytoscapeSource } from '../html/cytoscape-source.ts';
import { scriptSafeJson, scriptSafeSource } from '../html/embed.ts';
import { viewerData } from '../html/viewer-data.ts';
import { VIEWER_SCRIPT } from '../html/viewer-script.ts';
import { VIEWER_STYLE } from '../html/viewer-style.ts';
import type { Subgraph } from '../subgraph.ts';
import type { ExportFormatWriter } from './format.ts';

/** Nothing in the file may load anything: scripts and styles only inline, no requests at all. */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * One self-contained HTML file that opens offline in any browser: the subgraph drawn by the inlined
 * Cytoscape.js, with a legend, a list of entities, and details and sources for what is clicked.
 * The data is one embedded JSON block; every text reaches the page through textContent.
 */
export const htmlFormat: ExportFormatWriter = {
  extension: 'html',
  contentType: 'text/html; charset=utf-8',
  *write(graph: Subgraph) {
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n';
    yield `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n`;
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
    yield '<title>Supply-chain explorer export</title>\n';
    yield `<style>${VIEWER_STYLE}</style>\n</head>\n<body>\n`;
    yield '<header id="header"></header>\n<main>\n';
    yield '<div id="graph" aria-label="Graph: drag to pan, scroll to zoom, click an element for details">';
    yield '<button id="fit" type="button">Fit</button><div id="cy"></div></div>\n';
    yield '<aside>\n<section id="details" aria-live="polite"><p>Click an entity or a relationship to see its details and sources.</p></section>\n';
    yield '<section id="legend"><h2>Legend</h2><ul id="legend-list"></ul></section>\n';
    yield '<section id="entities"><h2>Entities</h2><ul id="entity-list"></ul></section>\n</aside>\n</main>\n';
    yield '<noscript>This file needs JavaScript to draw the graph.</noscript>\n';
    yield `<script type="application/json" id="export-data">${scriptSafeJson(viewerData(graph))}</script>\n`;
    yield '<script>\n';
    yield scriptSafeSource(cytoscapeSource());
    yield '\n</script>\n';
    yield `<script>${VIEWER_SCRIPT}</script>\n</body>\n</html>\n`;
  },
};
