import { buildApp, connect } from '@explorer/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import {
  POLL,
  addBySearch,
  canvasEntityList,
  entitiesShown,
  openPage as openPageIn,
} from '../support/explorer-page.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();

const openPage = (url: string) => openPageIn(stack.browser(), url);

describe('explorer canvas in Chromium', () => {
  let sharedUrl = '';
  let sharedCount = 0;

  it(
    'search Seagate → add → expand → open a source → paths to a Xinjiang public-security body',
    { timeout: 180_000 },
    async () => {
      const page = await openPage(stack.url());
      await expect.poll(() => page.getByText('The canvas is empty').count(), POLL).toBe(1);

      await addBySearch(page, 'Seagate', 'Seagate Technology Holdings');
      await expect.poll(() => entitiesShown(page), POLL).toBe(1);
      const details = page.getByRole('region', { name: 'Details' });
      await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent(), POLL).toContain('Seagate');

      await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Expand', exact: true }).click();
      await expect.poll(() => entitiesShown(page), POLL).toBeGreaterThan(3);
      // The hard drives are now on the canvas, and the detail panel says so.
      await expect.poll(() => details.getByText('on the canvas').count(), POLL).toBeGreaterThan(0);

      // Open a source: its quoted passage is shown and its link goes to the document.
      const sources = details.getByRole('list', { name: 'Sources' });
      await expect.poll(() => sources.locator('blockquote').count(), POLL).toBeGreaterThan(0);
      const link = sources.getByRole('link').first();
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('target')).toBe('_blank');

      await addBySearch(page, 'public security entities', 'Public security entities in Xinjiang');
      const finder = page.getByRole('region', { name: 'Path finder' });
      await finder.getByLabel('From', { exact: true }).selectOption({ label: 'Seagate Technology Holdings' });
      await finder
        .getByLabel('To', { exact: true })
        .selectOption({ label: 'Public security entities in Xinjiang (unnamed in the source)' });
      await finder.getByRole('button', { name: 'Find paths' }).click();
      const chains = finder.getByRole('list', { name: 'Paths found' });
      await expect
        .poll(() => chains.textContent(), POLL)
        .toMatch(/^Seagate Technology Holdings.*Public security entities in Xinjiang/);
      expect(await chains.textContent()).toContain('Seagate hard disk drives');

      await saveScreenshot(page, 'explorer-seagate-paths');
      sharedUrl = page.url();
      sharedCount = await entitiesShown(page);
      await page.close();
    },
  );

  it('reopens the same canvas from a copied link', { timeout: 60_000 }, async () => {
    expect(new URL(sharedUrl).hash).toMatch(/^#n=/);
    const page = await openPage(sharedUrl);
    await expect.poll(() => entitiesShown(page), POLL).toBe(sharedCount);
    const list = canvasEntityList(page);
    expect(await list.textContent()).toContain('Public security entities in Xinjiang');
    expect(await list.textContent()).toContain('Seagate Technology Holdings');
    await saveScreenshot(page, 'explorer-reopened-link');
    await page.close();
  });
});

describe('supply-chain trace in Chromium', () => {
  it('traces downstream from Seagate to the Xinjiang buyers, and one undo takes the trace back', async () => {
    const page = await openPage(stack.url());
    await addBySearch(page, 'Seagate', 'Seagate Technology Holdings');
    const trace = page.getByRole('region', { name: 'Trace supply chain' });
    await trace.getByLabel('Trace from').selectOption({ label: 'Seagate Technology Holdings' });
    await trace.getByRole('button', { name: 'Trace' }).click();
    await expect.poll(() => entitiesShown(page), POLL).toBeGreaterThan(5);
    const list = canvasEntityList(page);
    expect(await list.textContent()).toContain('Public security entities in Xinjiang');
    await saveScreenshot(page, 'explorer-trace-seagate');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entitiesShown(page), POLL).toBe(1);
    await page.close();
  });
});

describe('explorer with the database down', () => {
  let dead: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    // Nothing listens on port 1: every query fails as "database unavailable".
    const db = connect({ uri: 'bolt://127.0.0.1:1' });
    const app = await buildApp({
      config: { queryTimeoutMs: 2_000, logLevel: 'silent', webDistDir: inject('webDistDir') },
      db,
      version: 'test',
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    dead = {
      url,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  });

  afterAll(async () => {
    await dead?.close();
  });

  it('shows a clear banner instead of a blank page', async () => {
    const page = await openPage(dead.url);
    const banner = page.getByRole('alert').filter({ hasText: 'graph database is unreachable' });
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await saveScreenshot(page, 'explorer-database-down');
    await page.close();
  });
});
