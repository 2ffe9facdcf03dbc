import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';

let page: Page;

const stack = useAppInBrowser();

beforeEach(async () => {
  page = await stack.browser().newPage();
  await page.goto(`${stack.url()}/console`);
});

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
    await page.close();
  });

  it('says why a write is refused', async () => {
    await typeQuery('MATCH (n) DETACH DELETE n');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Refused.*DETACH/);
    await page.close();
  });

  it('shows the plan for EXPLAIN', async () => {
    await typeQuery("EXPLAIN MATCH (c:Company {id: 'hikvision'}) RETURN c");
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('list', { name: 'Query plan' }).textContent()).toContain('ProduceResults');
    await page.close();
  });

  it('runs an example with its parameters and keeps the query in the history', async () => {
    await page.getByRole('button', { name: 'US companies reported to have supplied an Entity-Listed company' }).click();
    await expect.poll(() => page.getByLabel('Parameters (JSON)').inputValue()).toContain('bis-entity-list');
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Result rows' }).textContent()).toContain('NetPosa');
    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Query history' }).textContent()).toContain('$list');
    await page.close();
  });
});
