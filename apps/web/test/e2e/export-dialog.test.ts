import { readFile } from 'node:fs/promises';
import { EXPORT_FORMATS } from '@explorer/model';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PICTURE_FORMATS } from '../../src/export/exportFormats.ts';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import { POLL, addAndExpand, openPage } from '../support/explorer-page.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();

/** Picks a format in the open dialog, downloads, and returns the file's name and bytes. */
async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption(format);
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(saved) };
}

/** What the first bytes of each format must look like. */
const LOOKS_LIKE: Record<string, (text: string, bytes: Buffer) => boolean> = {
  json: (t) => JSON.parse(t).nodes.length > 0,
  cyjs: (t) => JSON.parse(t).elements.nodes.length > 0,
  graphml: (t) => t.startsWith('<?xml') && t.includes('<graphml'),
  gexf: (t) => t.startsWith('<?xml') && t.includes('<gexf'),
  csv: (_t, b) => b.subarray(0, 2).toString() === 'PK',
  cypher: (t) => t.includes('MERGE'),
  ftm: (t) => JSON.parse(t.split('\n')[0] ?? '').schema !== undefined,
  'sources-md': (t) => t.startsWith('#'),
  'sources-csv': (t) => t.split('\n').length > 1,
  html: (t) => t.toLowerCase().startsWith('<!doctype html'),
  png: (_t, b) => b.subarray(1, 4).toString() === 'PNG',
  svg: (t) => t.startsWith('<svg') && t.includes('</svg>'),
};

describe('export dialog in Chromium', () => {
  it('downloads the canvas in every format, each file what it says it is', { timeout: 180_000 }, async () => {
    const page = await openPage(stack.browser(), stack.url());
    await addAndExpand(page, 'Seagate', 'Seagate Technology Holdings');
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect.poll(() => dialog.textContent(), POLL).toMatch(/\d+ entities and \d+ relationships/);
    await saveScreenshot(page, 'export-dialog');

    for (const format of [...EXPORT_FORMATS, ...PICTURE_FORMATS]) {
      const file = await download(page, format);
      expect(file.name, format).toMatch(/^explorer_/);
      expect(LOOKS_LIKE[format]?.(file.bytes.toString('utf8'), file.bytes), `${format}: ${file.name}`).toBe(true);
      if (!['csv', 'png'].includes(format)) expect(file.bytes.toString('utf8'), format).toContain('Seagate');
    }
    await page.close();
  });

  it('downloads a console result', { timeout: 90_000 }, async () => {
    const page = await openPage(stack.browser(), `${stack.url()}/console`);
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.getByRole('button', { name: 'Export result…' }).click();
    const file = await download(page, 'graphml');
    expect(file.name).toMatch(/^explorer_query-\d+-entities_.*\.graphml$/);
    expect(file.bytes.toString('utf8')).toContain('<graphml');
    await page.close();
  });
});
