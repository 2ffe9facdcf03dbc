import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { measureCanvas } from '../../bench/canvas-benchmark.ts';
import { syntheticCanvasGraph } from '../../bench/synthetic-canvas-graph.ts';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import {
  POLL,
  addAndExpand,
  addBySearch,
  canvasEntityList,
  entitiesHidden,
  entitiesShown,
  openPage,
  selectOnCanvas,
} from '../support/explorer-page.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();
const details = (page: Page) => page.getByRole('region', { name: 'Details' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Canvas' });

const seagateExpanded = (page: Page) => addAndExpand(page, 'Seagate', 'Seagate Technology Holdings');

describe('canvas tools in Chromium', () => {
  it('opens a relationship from the canvas list: its sentence, quote and sources', { timeout: 90_000 }, async () => {
    const page = await openPage(stack.browser(), stack.url());
    await seagateExpanded(page);
    await page.getByText(/^\d+ relationships$/).click();
    const relationships = page.getByRole('list', { name: 'Relationships on the canvas' });
    await relationships
      .getByRole('button', { name: /SUPPLIED|MANUFACTURES|DISTRIBUTES_FOR/ })
      .first()
      .click();
    const panel = details(page);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent(), POLL).toMatch(/Seagate/);
    const sources = panel.getByRole('list', { name: 'Sources' });
    await expect.poll(() => sources.getByRole('link').count(), POLL).toBeGreaterThan(0);
    expect(await sources.getByRole('link').first().getAttribute('href')).toMatch(/^https?:\/\//);
    await saveScreenshot(page, 'canvas-relationship-details');
    await page.close();
  });

  it('filters hide a kind without forgetting it, and collapse undoes an expand', { timeout: 90_000 }, async () => {
    const page = await openPage(stack.browser(), stack.url());
    const expanded = await seagateExpanded(page);

    await page.getByRole('heading', { name: 'Filters' }).click();
    const kinds = page.getByRole('group', { name: 'Entity kinds shown' });
    await kinds.getByLabel('Product', { exact: true }).uncheck();
    await expect.poll(() => entitiesHidden(page), POLL).toBeGreaterThan(0);
    expect((await entitiesShown(page)) + (await entitiesHidden(page))).toBe(expanded);
    await saveScreenshot(page, 'canvas-filtered');
    await kinds.getByLabel('Product', { exact: true }).check();
    await expect.poll(() => entitiesShown(page), POLL).toBe(expanded);

    // Select Seagate in the canvas list, then C on the canvas collapses what the expand brought.
    await selectOnCanvas(page, /^Seagate Technology Holdings/);
    await page
      .getByRole('img', { name: /^Graph canvas/ })
      .locator('..')
      .press('c');
    await expect.poll(() => entitiesShown(page), POLL).toBeLessThan(expanded);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entitiesShown(page), POLL).toBe(expanded);
    await page.close();
  });

  it('the context menu of an entity expands and collapses it', { timeout: 90_000 }, async () => {
    const page = await openPage(stack.browser(), stack.url());
    await addBySearch(page, 'Seagate', 'Seagate Technology Holdings');
    // One entity on a fitted canvas sits in its middle.
    const canvas = page.getByTestId('graph-canvas');
    await expect.poll(() => canvas.getAttribute('data-layout'), POLL).toBe('done');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Expand neighbours' }).click();
    await expect.poll(() => entitiesShown(page), POLL).toBeGreaterThan(3);
    await expect.poll(() => canvas.getAttribute('data-layout'), POLL).toBe('done');
    await selectOnCanvas(page, /^Seagate Technology Holdings/);
    await toolbar(page).getByRole('button', { name: 'Collapse' }).click();
    await expect.poll(() => entitiesShown(page), POLL).toBe(1);
    await page.close();
  });

  it('on the demo data: synthetic entities are marked, and a trace reaches a fictional bureau', async () => {
    const page = await openPage(stack.browser(), stack.url());
    await addBySearch(page, 'Example Disk Drives', 'Example Disk Drives Inc. (fictional)');
    await expect.poll(() => details(page).getByText('Synthetic', { exact: true }).count(), POLL).toBeGreaterThan(0);
    const trace = page.getByRole('region', { name: 'Trace supply chain' });
    await trace.getByLabel('Trace from').selectOption({ label: 'Example Disk Drives Inc. (fictional)' });
    await trace.getByRole('button', { name: 'Trace' }).click();
    await expect.poll(() => canvasEntityList(page).textContent(), POLL).toMatch(/Public Security (Bureau|Department)/);
    await saveScreenshot(page, 'canvas-demo-trace');
    await page.close();
  });
});

describe('big graphs', () => {
  it('asks before adding hundreds of elements from a file, then lays them out', { timeout: 120_000 }, async () => {
    // The smoke variant of the canvas benchmark (npm run bench:canvas -w @explorer/web runs 2,000/5,000).
    const figures = await measureCanvas(stack.browser(), stack.url(), syntheticCanvasGraph(150, 300));
    expect(figures.nodes).toBe(150);
    expect(figures.askedFirst).toBe(true);
    expect(figures.layoutMs).toBeGreaterThan(0);
    expect(figures.panZoom.frames).toBeGreaterThan(1);
  });

  it('refuses a file that is not a saved graph, saying why', async () => {
    const page = await openPage(stack.browser(), stack.url());
    await page.getByLabel('Open file…').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ nodes: [{ id: 'x' }], edges: [] })),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent(), POLL)
      .toMatch(/notes\.json does not hold a graph this tool saved: nodes\.0\.kind/);
    expect(await entitiesShown(page)).toBe(0);
    await page.close();
  });
});
