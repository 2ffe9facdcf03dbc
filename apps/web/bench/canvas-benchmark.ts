import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Graph } from '@explorer/model';
import type { Browser, Page } from 'playwright-core';

/** What one run of the canvas benchmark measured. */
export interface CanvasFigures {
  nodes: number;
  edges: number;
  /** Whether the app asked before adding that many elements (it must, above a few hundred). */
  askedFirst: boolean;
  /** From choosing the file to the canvas showing every element with the layout finished. */
  openToLaidOutMs: number;
  /** The force-directed layout alone, as the canvas timed it. */
  layoutMs: number;
  /** Frames drawn while the user zooms and pans (wheel and drag) for a few seconds. */
  panZoom: { durationMs: number; frames: number; fps: number; longestFrameMs: number };
}

declare global {
  interface Window {
    benchFrames?: number[];
    benchStop?: boolean;
  }
}

/** Counts animation frames while a user zooms in and out and drags the canvas around. */
async function measurePanZoom(page: Page): Promise<CanvasFigures['panZoom']> {
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('the canvas is not visible');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchStop = false;
    const tick = (time) => {
      window.benchFrames.push(time);
      if (!window.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 16; i += 1) {
    await page.mouse.wheel(0, i < 8 ? -200 : 200);
    await page.waitForTimeout(40);
  }
  await page.mouse.down();
  for (let i = 0; i < 40; i += 1) {
    await page.mouse.move(centre.x + Math.sin(i / 6) * 300, centre.y + Math.cos(i / 6) * 200);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    window.benchStop = true;
    return window.benchFrames ?? [];
  });
  const durationMs = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  return {
    durationMs: Math.round(durationMs),
    frames: frames.length,
    fps: durationMs > 0 ? Math.round(((frames.length - 1) * 1000) / durationMs) : 0,
    longestFrameMs: Math.round(Math.max(0, ...gaps)),
  };
}

/**
 * Opens the explorer at `appUrl` in a fresh page, puts `graph` on the canvas through "Open file…"
 * (accepting the "this adds N elements" question) and measures layout and pan/zoom, as a user
 * would meet them. The page is closed afterwards.
 */
export async function measureCanvas(browser: Browser, appUrl: string, graph: Graph): Promise<CanvasFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'canvas-bench-'));
  const file = path.join(dir, 'canvas-benchmark.json');
  await writeFile(file, JSON.stringify(graph));
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    page.setDefaultTimeout(120_000);
    let askedFirst = false;
    page.on('dialog', (dialog) => {
      askedFirst = dialog.type() === 'confirm';
      void dialog.accept();
    });
    await page.goto(appUrl);
    const expected = `${graph.nodes.length} entities, ${graph.edges.length} relationships`;
    const started = Date.now();
    await page.getByLabel('Open file…').setInputFiles(file);
    await page.waitForFunction(
      (label) => {
        const canvas = document.querySelector('[data-testid="graph-canvas"]');
        return canvas?.getAttribute('aria-label')?.endsWith(label) && canvas.getAttribute('data-layout') === 'done';
      },
      expected,
      { timeout: 120_000, polling: 50 },
    );
    const openToLaidOutMs = Date.now() - started;
    const layoutMs = Number(await page.getByTestId('graph-canvas').getAttribute('data-layout-ms'));
    const panZoom = await measurePanZoom(page);
    return { nodes: graph.nodes.length, edges: graph.edges.length, askedFirst, openToLaidOutMs, layoutMs, panZoom };
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
}
