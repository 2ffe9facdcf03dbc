import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();

interface ExportedNode {
  id: string;
  name: string;
  kind: string;
  properties: { sourceIds?: string[]; quote?: string };
}

/** POST /api/export on the real server, as a reader's download would. */
async function download(format: string): Promise<Response> {
  const response = await fetch(`${stack.url()}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ format, nodeIds: ['hikvision', 'seagate'], hops: 1 }),
  });
  expect(response.status).toBe(200);
  return response;
}

describe('the html export in Chromium', () => {
  it('opens from file:// with every network request blocked, draws the graph and shows a source on click', async () => {
    const html = await (await download('html')).text();
    const json = (await (await download('json')).json()) as { nodes: ExportedNode[]; sources: ExportedNode[] };
    const seagate = json.nodes.find((n) => n.id === 'seagate');
    const cited = [...json.nodes, ...json.sources].find((n) => n.id === seagate?.properties.sourceIds?.[0]);
    const quote = cited?.properties.quote ?? '';
    expect(quote.length).toBeGreaterThan(10);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'explorer-export-html-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'export.html');
    await writeFile(file, html);
    const fileUrl = pathToFileURL(file).href;

    const page = await stack.browser().newPage();
    // Offline: the file itself may load, anything else is aborted and remembered.
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === fileUrl) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page.on('request', (request) => {
      if (request.url() !== fileUrl && !blocked.includes(request.url())) blocked.push(request.url());
    });
    await page.goto(fileUrl);

    const count = String(json.nodes.length);
    await expect.poll(() => page.locator('body').getAttribute('data-rendered')).toBe(count);
    await expect.poll(() => page.locator('header').textContent()).toContain(`${count} entities`);
    await expect.poll(() => page.locator('#legend').textContent()).toContain('Company');

    await page.getByRole('button', { name: seagate?.name ?? 'Seagate', exact: true }).click();
    const details = page.locator('#details');
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe(seagate?.name);
    await expect.poll(() => details.locator('blockquote').first().textContent()).toBe(quote);
    await saveScreenshot(page, 'export-html-offline');
    expect(blocked).toEqual([]);
    await page.close();
  });
});
