import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';

let page: Page;

const stack = useAppInBrowser();

beforeEach(async () => {
  page = await stack.browser().newPage();
  await page.goto(`${stack.url()}/console`);
});

/** The machine running the tests may be busy: generous waits. */
const POLL = { timeout: 15_000 };

/** Replaces the editor's text by typing, as an analyst would. */
async function typeQuery(text: string) {
  const editor = page.locator('.console-editor .cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('Cypher console in Chromium', () => {
  it('runs a typed query with Ctrl+Enter and shows the table, summary and graph', async () => {
    await typeQuery("MATCH (c:Company {id: 'seagate'})-[r:SUPPLIED]->(b) RETURN c.name AS supplier, r, b");
    await page.keyboard.press('Control+Enter');
    const table = page.getByRole('table', { name: 'Result rows' });
    await expect.poll(() => table.textContent()).toContain('Seagate');
    expect(await table.textContent()).toContain('Hikvision');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/1 row in \d+ ms · 2 nodes, 1 relationships/);
    await page.getByRole('tab', { name: 'Graph' }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Result relationships' }).textContent())
      .toMatch(/Seagate.*SUPPLIED.*Hikvision/);
    await page.getByRole('tab', { name: 'JSON' }).click();
    await expect.poll(() => page.locator('.console-json').textContent()).toContain('"columns"');
    await saveScreenshot(page, 'console-json');
    await page.close();
  });

  it('sorts the table by a column', async () => {
    await typeQuery('UNWIND [2, 3, 1] AS n RETURN n');
    await page.getByRole('button', { name: /^Run/ }).click();
    const cells = page.getByRole('table', { name: 'Result rows' }).locator('tbody td');
    await expect.poll(() => cells.allTextContents()).toEqual(['2', '3', '1']);
    await page.getByRole('button', { name: 'n', exact: true }).click();
    await expect.poll(() => cells.allTextContents()).toEqual(['1', '2', '3']);
    await page.getByRole('button', { name: 'n', exact: true }).click();
    await expect.poll(() => cells.allTextContents()).toEqual(['3', '2', '1']);
    await saveScreenshot(page, 'console-sorted');
    await page.close();
  });

  it('says why a write is refused', async () => {
    await typeQuery('MATCH (n) DETACH DELETE n');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Refused.*DETACH/);
    await saveScreenshot(page, 'console-refused');
    await page.close();
  });

  it('shows the plan for EXPLAIN', async () => {
    await typeQuery("EXPLAIN MATCH (c:Company {id: 'hikvision'}) RETURN c");
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('list', { name: 'Query plan' }).textContent()).toContain('ProduceResults');
    await saveScreenshot(page, 'console-plan');
    await page.close();
  });

  it('runs an example with its parameters and keeps the query in the history', async () => {
    await page.getByRole('button', { name: 'US companies reported to have supplied an Entity-Listed company' }).click();
    await expect.poll(() => page.getByLabel('Parameters (JSON)').inputValue()).toContain('bis-entity-list');
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Result rows' }).textContent()).toContain('NetPosa');
    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Query history' }).textContent()).toContain('$list');
    await saveScreenshot(page, 'console-history');
    await page.close();
  });

  it(
    'draws the result as a graph, shows a clicked entity, and sends it to the canvas, adding to it',
    { timeout: 120_000 },
    async () => {
      await page.setViewportSize({ width: 1600, height: 1000 });
      page.setDefaultTimeout(15_000);
      // The explorer first, with Dahua on its canvas: "send to canvas" must keep it.
      await page.goto(`${stack.url()}/?n=dahua`);
      const onCanvas = page.getByRole('list', { name: 'Entities on the canvas', includeHidden: true });
      await expect.poll(() => onCanvas.textContent(), POLL).toContain('Zhejiang Dahua');
      await expect.poll(() => page.evaluate(() => localStorage.getItem('explorer.canvas')), POLL).toContain('dahua');
      // A link from before the canvas moved into the fragment still opens, and is rewritten into it.
      expect(new URL(page.url()).hash).toBe('#n=dahua');
      expect(new URL(page.url()).search).toBe('');
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Cypher console' }).click();

      await typeQuery("MATCH (c:Company {id: 'seagate'})-[r:SUPPLIED]->(b) RETURN c, r, b");
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(() => page.getByRole('table', { name: 'Result rows' }).textContent(), POLL)
        .toContain('Seagate');
      await page.getByRole('tab', { name: 'Graph' }).click();
      await expect
        .poll(() => page.getByText(/^Showing \d+ entit/).textContent(), POLL)
        .toBe('Showing 2 entities and 1 relationship');
      const drawing = page.getByTestId('graph-canvas');
      expect(await drawing.getAttribute('aria-label')).toBe('Graph canvas: 2 entities, 1 relationships');
      expect(await page.getByRole('list', { name: 'Legend' }).textContent()).toContain('Public-security body');

      const seagate = await nodeOnScreen(page, 'seagate');
      await page.mouse.click(seagate.x, seagate.y);
      const selected = page.getByRole('region', { name: 'Selected entity' });
      await expect
        .poll(() => selected.getByRole('heading').first().textContent(), POLL)
        .toBe('Seagate Technology Holdings');
      expect(await selected.textContent()).toMatch(/Company · seagate/);
      expect(await selected.getByRole('definition').allTextContents()).toContain('US');
      await saveScreenshot(page, 'console-graph');

      await page.getByRole('button', { name: 'Send to canvas' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      await expect.poll(() => onCanvas.textContent(), POLL).toContain('Seagate Technology Holdings');
      const names = await onCanvas.getByRole('button', { includeHidden: true }).allTextContents();
      expect(names.map((n) => n.replace(/ \(.*\)$/, '')).sort()).toEqual([
        'Hangzhou Hikvision Digital Technology Co., Ltd.',
        'Seagate Technology Holdings',
        'Zhejiang Dahua Technology Co., Ltd.',
      ]);
      await saveScreenshot(page, 'console-sent-to-canvas');
      await page.close();
    },
  );

  it('disables "Send to canvas", saying why, when the result holds no entity', async () => {
    await typeQuery('RETURN 1 AS one');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('table', { name: 'Result rows' }).textContent(), POLL).toContain('1');
    await page.getByRole('tab', { name: 'Graph' }).click();
    const send = page.getByRole('button', { name: 'Send to canvas' });
    expect(await send.isDisabled()).toBe(true);
    expect(await page.getByText('The result holds no entities to put on the canvas.').count()).toBe(1);
    await saveScreenshot(page, 'console-graph-empty');
    await page.close();
  });

  it('saves a query with a name; its link opens in a fresh page and runs at once', { timeout: 120_000 }, async () => {
    const name = `Seagate's buyers ${Date.now()}`;
    await typeQuery('MATCH (c:Company {id: $id})-[:SUPPLIED]->(b) RETURN c.name AS supplier, b.name AS buyer');
    await page.getByLabel('Parameters (JSON)').fill('{"id": "seagate"}');
    await page.getByRole('button', { name: 'Save…' }).click();
    const form = page.getByRole('form', { name: 'Save the query' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByRole('list', { name: 'Saved queries' });
    await expect.poll(() => saved.textContent(), POLL).toContain(name);
    const link = await saved.getByRole('textbox', { name: `Link to ${name}` }).inputValue();
    expect(link).toMatch(/\/console\?saved=[0-9a-f-]{36}$/);

    // The same name again, in other letters' case, is refused with the reason.
    await page.getByRole('button', { name: 'Save…' }).click();
    await form.getByLabel('Name').fill(name.toUpperCase());
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), POLL).toMatch(/already exists/);
    await saveScreenshot(page, 'console-saved-query');
    await page.close();

    // A fresh browser context: no history, nothing typed, and Run is never pressed.
    const fresh = await stack.browser().newPage();
    await fresh.goto(link);
    const table = fresh.getByRole('table', { name: 'Result rows' });
    await expect.poll(() => table.textContent(), POLL).toContain('Hangzhou Hikvision');
    expect(await table.textContent()).toContain('Seagate Technology Holdings');
    expect(await fresh.locator('.console-editor .cm-content').textContent()).toContain('MATCH (c:Company {id: $id})');
    expect(await fresh.getByLabel('Parameters (JSON)').inputValue()).toContain('"seagate"');
    expect(await fresh.getByText(`Saved query: ${name}`).count()).toBe(1);
    await saveScreenshot(fresh, 'console-saved-query-link');
    await fresh.close();
  });
});

/** Where a node of the result graph is on the screen, once the layout has stopped moving it. */
async function nodeOnScreen(on: Page, id: string): Promise<{ x: number; y: number }> {
  const drawing = on.getByTestId('graph-canvas');
  // Cytoscape keeps its instance on the container element.
  type WithCy = { _cyreg?: { cy?: { getElementById: (id: string) => { renderedPosition: () => object } } } };
  const read = () =>
    drawing.evaluate((element, nodeId) => {
      const position = (element as unknown as WithCy)._cyreg?.cy?.getElementById(nodeId).renderedPosition();
      return JSON.stringify(position ?? null);
    }, id);
  // The canvas runs past the bottom of the window, and the layout may put the node there (a click
  // below the window hits nothing): bring the whole canvas into view first. First, because Cytoscape
  // maps a click through the container's position as of the last scroll event it handled: a click
  // right after scrolling, before that event, lands a scroll's height away from the node.
  await drawing.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  // Positions can hold still between two reads before the layout has even started (a busy machine):
  // wait for the canvas to say its layout is done first.
  await expect.poll(() => drawing.getAttribute('data-layout'), { timeout: 15_000 }).toBe('done');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await read();
        const settled = now === last && now !== 'null';
        last = now;
        return settled;
      },
      { timeout: 15_000, interval: 400 },
    )
    .toBe(true);
  const box = await drawing.boundingBox();
  const point = JSON.parse(last) as { x: number; y: number };
  return { x: (box?.x ?? 0) + point.x, y: (box?.y ?? 0) + point.y };
}
