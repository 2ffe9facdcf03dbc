import { ImportEventSchema } from '@explorer/model';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import { addBySearch, openPage, POLL } from '../support/explorer-page.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();
let page: Page;

// Names no other test uses: this file writes to the browser tests' shared database.
const RUN = Date.now().toString(36);
const SIMPLIFIED = `澳门威视${RUN}科技`;
const TRADITIONAL = `澳門威視${RUN}科技`;
const PAIR = `${SIMPLIFIED} ↔ ${TRADITIONAL}`;
const FILE_NAME = `review-${RUN}.csv`;

/** Two rows naming one firm, once in simplified and once in traditional characters: one candidate pair. */
const SHEET = [
  'buyer,supplier,product,date',
  `复核测试公安局${RUN},${SIMPLIFIED},复核测试硬盘${RUN},2022-01-01`,
  `复核测试公安局${RUN},${TRADITIONAL},复核测试摄像机${RUN},2022-01-02`,
].join('\n');

beforeAll(async () => {
  const query = new URLSearchParams({ fileName: FILE_NAME, importedBy: 'Test Importer' });
  const response = await fetch(`${stack.url()}/api/import?${query.toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new TextEncoder().encode(SHEET),
  });
  const events = (await response.text())
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ImportEventSchema.parse(JSON.parse(line)));
  const last = events.at(-1);
  if (last?.type !== 'result') throw new Error(`the import did not succeed: ${JSON.stringify(last)}`);
  expect(last.result.counts.candidates).toBe(1);
});
beforeEach(async () => {
  page = await openPage(stack.browser(), `${stack.url()}/review`);
});
afterEach(async () => {
  await page.close();
});

const pair = () => page.getByRole('article', { name: PAIR });
const merges = () => page.getByRole('region', { name: 'Recent merges' });

describe('review page in Chromium', () => {
  it('shows the pair with its evidence, merges it (the explorer finds the alias), and undoes the merge', async () => {
    // Decisions wait for a name; it is remembered in the browser.
    await expect.poll(() => pair().count(), POLL).toBe(1);
    expect(await pair().getByRole('button', { name: 'Merge into left' }).isDisabled()).toBe(true);
    await page.getByLabel('Your name (recorded with each decision)').fill('Test Reviewer');

    const text = (await pair().textContent()) ?? '';
    expect(text).toContain('same name in simplified and traditional characters');
    expect(text).toContain('score 0.95');
    expect(text).toContain(`raised by Test Importer importing ${FILE_NAME} line 3 (supplier)`);
    const left = pair().getByRole('region', { name: `Left: ${SIMPLIFIED}` });
    const right = pair().getByRole('region', { name: `Right: ${TRADITIONAL}` });
    expect(await left.textContent()).toContain('Company');
    expect(await left.textContent()).toContain('SUPPLIER ← 1');
    expect(await right.getByRole('list', { name: 'Sources' }).textContent()).toContain(FILE_NAME);
    await saveScreenshot(page, 'review-queue');

    await pair().getByRole('button', { name: 'Merge into left' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), POLL)
      .toBe(`Merged “${TRADITIONAL}” into “${SIMPLIFIED}”.`);
    await expect.poll(() => pair().count(), POLL).toBe(0);
    const merged = merges().getByRole('listitem', { name: `${TRADITIONAL} merged into ${SIMPLIFIED}` });
    await expect.poll(() => merged.textContent(), POLL).toContain('by Test Reviewer');
    expect(await merged.textContent()).toContain('1 relationship(s) moved');
    await saveScreenshot(page, 'review-merged');

    // The explorer: searching the traditional name finds the kept entity, which lists it as an alias.
    await page.goto(`${stack.url()}/`);
    await addBySearch(page, TRADITIONAL, SIMPLIFIED);
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.textContent(), POLL).toContain(TRADITIONAL);
    expect(await details.textContent()).toContain(FILE_NAME);

    // Undo: the pair is back in the queue, the merge marked undone; the name was remembered.
    await page.goto(`${stack.url()}/review`);
    expect(await page.getByLabel('Your name (recorded with each decision)').inputValue()).toBe('Test Reviewer');
    await merged.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), POLL)
      .toBe(`Undid the merge of “${TRADITIONAL}” into “${SIMPLIFIED}”.`);
    await expect.poll(() => pair().count(), POLL).toBe(1);
    await expect.poll(() => merged.textContent(), POLL).toContain('undone by Test Reviewer');
    expect(await merged.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  });

  it('keeps the pair apart', async () => {
    await page.getByLabel('Your name (recorded with each decision)').fill('Test Reviewer');
    await expect.poll(() => pair().count(), POLL).toBe(1);
    await pair().getByRole('button', { name: 'Keep apart' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), POLL)
      .toBe(`Kept “${SIMPLIFIED}” and “${TRADITIONAL}” apart.`);
    await expect.poll(() => pair().count(), POLL).toBe(0);
  });
});
