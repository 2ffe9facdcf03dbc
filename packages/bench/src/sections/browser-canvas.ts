import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '@explorer/api/testing';
import { measureCanvas, type CanvasFigures } from '@explorer/web/bench/canvas-benchmark.ts';
import { syntheticCanvasGraph } from '@explorer/web/bench/synthetic-canvas-graph.ts';
import { launchChromium } from '@explorer/web/test/support/browser.ts';
import { build } from 'vite';
import type { ReportSection } from '../report/types.ts';
import type { SectionContext, SectionProvider } from './index.ts';

const WEB_ROOT = path.resolve(path.dirname(new URL(import.meta.resolve('@explorer/web/package.json')).pathname));
/** The figure: 2,000 entities and 5,000 relationships; the smoke run (tiny sizes) draws less. */
const canvasSize = (entities: number) =>
  entities >= 10_000 ? { nodes: 2000, edges: 5000, runs: 3 } : { nodes: 150, edges: 300, runs: 1 };

function table(runs: CanvasFigures[]): string {
  const first = runs[0];
  const rows = runs.map(
    (f, i) =>
      `| ${i + 1} | ${f.openToLaidOutMs.toLocaleString('en')} | ${f.layoutMs.toLocaleString('en')} | ` +
      `${f.panZoom.fps} | ${f.panZoom.longestFrameMs} |`,
  );
  return [
    `${first?.nodes.toLocaleString('en')} entities and ${first?.edges.toLocaleString('en')} relationships ` +
      'opened on the explorer canvas in headless Chromium (software drawing).',
    '',
    '| run | open → laid out ms | layout ms | pan/zoom frames/s | worst frame ms |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The web app's canvas benchmark (README: Explorer), over the database under test. */
async function measureCanvasSection(context: SectionContext): Promise<Omit<ReportSection, 'title'>> {
  // The browser first: without Chromium the section fails at once, before building the web app.
  const browser = await launchChromium();
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'bench-web-'));
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  try {
    await build({ root: WEB_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await startTestServer(context.neo4jTarget, outDir);
    const size = canvasSize(context.entities);
    const graph = syntheticCanvasGraph(size.nodes, size.edges);
    const runs: CanvasFigures[] = [];
    for (let run = 0; run < size.runs; run += 1) runs.push(await measureCanvas(browser, server.url, graph));
    return { markdown: table(runs), data: runs };
  } finally {
    await server?.close();
    await browser.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

export const browserCanvas: SectionProvider = { title: 'Browser canvas', measure: measureCanvasSection };
