import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The machine running the tests may be busy: generous waits, and every page action gives up in time. */
export const POLL = { timeout: 15_000 };

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

const status = (page: Page) => page.locator('.canvas-status');

/** How many entities the canvas's status line says are shown. */
export const entitiesShown = async (page: Page) =>
  Number(/(\d+) entities/.exec((await status(page).textContent()) ?? '')?.[1]);

/** The status line's "N entities hidden by filters", or 0. */
export const entitiesHidden = async (page: Page) =>
  Number(/(\d+) entities hidden/.exec((await status(page).textContent()) ?? '')?.[1] ?? 0);

export const canvasEntityList = (page: Page) =>
  page.getByRole('list', { name: 'Entities on the canvas', includeHidden: true });

/** Types into the search box and puts the first result on the canvas with Enter. */
export async function addBySearch(page: Page, text: string, expectedName: string) {
  const search = page.getByLabel('Search entities (English, Chinese or alias)');
  await search.fill(text);
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
  await expect.poll(() => first.textContent(), POLL).toContain(expectedName);
  await search.press('Enter');
  await expect.poll(() => canvasEntityList(page).textContent(), POLL).toContain(expectedName);
}

/** Selects an entity the way a keyboard user does: in the canvas's list of entities (opened if folded). */
export async function selectOnCanvas(page: Page, name: RegExp) {
  const summary = page.locator('details.canvas-entities', { has: canvasEntityList(page) });
  if ((await summary.getAttribute('open')) === null) await summary.locator('summary').click();
  await canvasEntityList(page).getByRole('button', { name }).click();
}

/**
 * Puts the first search result on the canvas, waits until it is selected (its details show), then
 * expands it; resolves to how many entities the canvas then shows. A failed expand shows an alert:
 * the wait fails with its words rather than a bare count.
 */
export async function addAndExpand(page: Page, text: string, expectedName: string): Promise<number> {
  await addBySearch(page, text, expectedName);
  const details = page.getByRole('region', { name: 'Details' });
  await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent(), POLL).toContain(expectedName);
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Expand', exact: true }).click();
  const shown = async () => {
    const alerts = await page.getByRole('alert').allTextContents();
    if (alerts.length > 0) throw new Error(`alert on the page: ${alerts.join(' | ')}`);
    return entitiesShown(page);
  };
  await expect.poll(shown, { timeout: 30_000 }).toBeGreaterThan(3);
  return entitiesShown(page);
}
