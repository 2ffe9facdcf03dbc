import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';

let page: Page;

const stack = useAppInBrowser();

beforeEach(async () => {
  page = await stack.browser().newPage();
  await page.goto(stack.url());
});

describe('search page in Chromium', () => {
  it('finds Western Digital by its Chinese name and shows its details and sources', async () => {
    await page.getByLabel('Search entities (English, Chinese or alias)').fill('西部数据');
    const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
    await expect.poll(() => result.textContent()).toContain('Western Digital');
    await result.click();

    const details = page.getByRole('article');
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toContain('Western Digital');
    await expect.poll(() => details.textContent()).toContain('西部数据');
    const sources = page.getByRole('list', { name: 'Sources' }).getByRole('link');
    await expect.poll(() => sources.count()).toBeGreaterThan(0);
    expect(await sources.first().getAttribute('href')).toMatch(/^https?:\/\//);
    await page.close();
  });

  it('shows the Entity List badge with its date on Hikvision', async () => {
    await page.getByLabel('Search entities (English, Chinese or alias)').fill('hikvision');
    const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
    await expect.poll(() => result.textContent()).toMatch(/Entity List.*2019-10-09/);
    await page.close();
  });

  it('marks demo entities as synthetic', async () => {
    await page.getByLabel('Search entities (English, Chinese or alias)').fill('Example Disk Drives');
    const result = page.getByRole('list', { name: 'Search results' }).getByRole('button').first();
    await expect.poll(() => result.textContent()).toContain('Synthetic');
    await result.click();
    await expect.poll(() => page.getByRole('article').textContent()).toContain('invented for demonstration');
    await page.close();
  });

  it('says so when nothing matches', async () => {
    await page.getByLabel('Search entities (English, Chinese or alias)').fill('zzqxv');
    await expect.poll(() => page.getByText('No entity matches').count()).toBe(1);
    await page.close();
  });
});
