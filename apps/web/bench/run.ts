import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestDatabase, startTestServer } from '@explorer/api/testing';
import { build } from 'vite';
import { launchChromium } from '../test/support/browser.ts';
import { measureCanvas } from './canvas-benchmark.ts';
import { syntheticCanvasGraph } from './synthetic-canvas-graph.ts';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The canvas benchmark on its own: builds the web app, serves it over a seeded database and puts
 * 2,000 entities and 5,000 relationships on the canvas in headless Chromium, three times.
 * `npm run bench:canvas -w @explorer/web [-- nodes edges runs]`
 */
async function main() {
  const [nodes = 2000, edges = 5000, runs = 3] = process.argv.slice(2).map(Number);
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'explorer-web-'));
  await build({ root: WEB_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const database = await startTestDatabase();
  const server = await startTestServer(database.target, outDir);
  const browser = await launchChromium();
  try {
    const graph = syntheticCanvasGraph(nodes, edges);
    for (let run = 1; run <= runs; run += 1) {
      const figures = await measureCanvas(browser, server.url, graph);
      console.log(JSON.stringify({ run, ...figures }));
    }
  } finally {
    await browser.close();
    await server.close();
    await database.stop();
  }
}

await main();
