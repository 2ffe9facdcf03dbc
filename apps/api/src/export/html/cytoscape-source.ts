import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: string | undefined;

/** The Cytoscape.js browser build (with its licence notice), read once from the installed package. */
export function cytoscapeSource(): string {
  cached ??= readFileSync(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
  return cached;
}
