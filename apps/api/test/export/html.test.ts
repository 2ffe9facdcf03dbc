import { readShippedDataset } from '@explorer/seeds';
import { describe, expect, it } from 'vitest';
import { cytoscapeSource } from '../../src/export/html/cytoscape-source.ts';
import { useTestApp } from '../support/context.ts';
import { HOSTILE_NAMES, hostileSubgraph } from './support/hostile.ts';
import { renderText } from './support/render.ts';
import { postExport } from './support/request.ts';

const { app } = useTestApp();
const URL_PATTERN = /https?:\/\/[^\s"'<>\\)]+/g;

/** The embedded data block: everything between its opening tag and the first `</script`. */
function dataBlock(html: string): string {
  const open = '<script type="application/json" id="export-data">';
  const start = html.indexOf(open);
  expect(start).toBeGreaterThan(0);
  return html.slice(start + open.length, html.indexOf('</script', start));
}

describe('html export', () => {
  it('keeps hostile names inside the data: no </script>, <!-- or line separator can break out', () => {
    const html = renderText('html', hostileSubgraph());
    const block = dataBlock(html);
    expect(block).not.toMatch(/<|>|\u2028|\u2029/);
    const data = JSON.parse(block) as { nodes: Array<{ name: string }>; synthetic: boolean };
    expect(data.nodes.map((n) => n.name)).toEqual([...HOSTILE_NAMES]);
    expect(data.synthetic).toBe(true);
    // Three scripts (data, Cytoscape.js, viewer), each closed once: no name opened or closed another.
    expect(html.match(/<script[\s>]/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('report-2022: one self-contained file; URLs only in the data (sources’ links) and the library’s licence', async () => {
    const ids = (await readShippedDataset('report-2022')).entities.map((e) => e.id);
    const response = await postExport(app(), { format: 'html', nodeIds: ids, hops: 0 });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    expect(String(response.headers['content-disposition'])).toMatch(/\.html"$/);
    const html = response.text;
    const data = JSON.parse(dataBlock(html)) as {
      nodes: Array<{ kind: string; properties: Record<string, unknown> }>;
      sources: Array<{ properties: Record<string, unknown> }>;
    };
    expect(data.nodes.length).toBe(ids.length);
    const sourceUrls = new Set(
      [...data.nodes.filter((n) => n.kind === 'Source'), ...data.sources].map((s) => String(s.properties['url'])),
    );
    expect(sourceUrls.size).toBeGreaterThan(3);
    // Outside the data, the only URLs are in the library's licence notice (comments; never loaded).
    const block = dataBlock(html);
    const outside = html.replace(block, '');
    const licenceUrls = new Set(cytoscapeSource().match(URL_PATTERN) ?? []);
    expect((outside.match(URL_PATTERN) ?? []).filter((url) => !licenceUrls.has(url))).toEqual([]);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });
});
