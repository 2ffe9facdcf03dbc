import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import { addBySearch, openPage, POLL } from '../support/explorer-page.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();
let page: Page;

beforeEach(async () => {
  page = await openPage(stack.browser(), `${stack.url()}/import`);
});
afterEach(async () => {
  await page.close();
});

// Names no other test uses: this file writes to the browser tests' shared database.
const RUN = Date.now().toString(36);
const SUPPLIER = `Importtest Trading ${RUN} Co., Ltd.`;
const BUYER = `测试市公安局 ${RUN}`;
const FILE_NAME = `bureau-purchases-${RUN}.csv`;

/**
 * A procurement sheet as a journalist might bring it: Chinese headers, one of them ("中标单位")
 * not a known alias, a column the template does not have, and line 4 with a negative quantity.
 */
const SHEET = [
  '采购人,中标单位,生产厂家,货物名称,数量,日期,链接,备注',
  `${BUYER},"${SUPPLIER}",Seagate,硬盘 ${RUN},12,2021-03-04,https://example.org/notice/${RUN}/1,first`,
  `${BUYER},"${SUPPLIER}",Seagate,硬盘阵列 ${RUN},2,2021-05,https://example.org/notice/${RUN}/2,second`,
  `${BUYER},"${SUPPLIER}",Seagate,硬盘 ${RUN},-3,2021-06-01,,broken`,
].join('\n');

const region = (name: string) => page.getByRole('region', { name });

async function pickFile(name: string, text: string) {
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

describe('import page in Chromium', () => {
  it('previews a sheet with its problems, maps a column, dry-runs, imports, and the explorer shows the facts with the file as source', async () => {
    await page.getByLabel('Your name (recorded with the import)').fill('Test Reporter');
    await pickFile(FILE_NAME, SHEET);

    // The file as read, before anything is written: without a supplier column no row can be read.
    const problems = region('Problems in the file');
    await expect.poll(() => problems.textContent(), POLL).toContain('line 1: required column "supplier" is missing');
    expect(await problems.textContent()).toMatch(/column 备注: unknown column/);
    expect(await region('Columns').textContent()).toContain('Required and not mapped yet: supplier');

    // Map the unknown header to the template's supplier column; the preview reads the file again,
    // now row by row: every bad cell with its line and column.
    await page.getByLabel('Field for column 中标单位').selectOption('supplier');
    await expect.poll(() => region('Columns').textContent(), POLL).not.toContain('Required and not mapped yet');
    await expect
      .poll(() => problems.textContent(), POLL)
      .toMatch(/line 4, column 数量 \(quantity\): must not be negative/);
    expect(await region('First rows as read').textContent()).toContain(SUPPLIER);
    await page.getByLabel('Save this mapping as').fill(`bureau sheets ${RUN}`);
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), POLL).toContain(`Saved as “bureau sheets ${RUN}”`);

    // A dry run of a file with an error is refused whole; Import stays disabled.
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toContain('Refused: nothing was written');
    expect(await region('Why the file was refused').textContent()).toContain('line 4');
    expect(await importButton.isDisabled()).toBe(true);

    // Only the valid rows: the dry run says what would happen and that line 4 is left out.
    await page.getByLabel(/Import only the valid rows/).check();
    await page.getByRole('button', { name: 'Dry run' }).click();
    const dry = region('Dry run report');
    await expect.poll(() => dry.textContent(), { timeout: 30_000 }).toContain('2 rows would be imported');
    expect(await dry.textContent()).toContain('1 left out for their errors');
    expect(await dry.textContent()).toMatch(/Company\s*1\s*1/); // the new supplier, and Seagate matched
    // Which name attaches to which entity, before anything is written: "Seagate" is the seeded maker.
    const matches = dry.getByRole('table', { name: /Names already in the graph/ });
    expect(await matches.getByRole('row').nth(1).textContent()).toMatch(
      /^2\s*manufacturer\s*Seagate\s*Seagate Technology Holdings \(Company\)\s*the same name$/,
    );
    expect(await matches.getByRole('link', { name: 'Seagate Technology Holdings' }).getAttribute('href')).toMatch(
      /^\/#/,
    );
    await saveScreenshot(page, 'import-dry-run');

    await importButton.click();
    const done = region('Import report');
    await expect.poll(() => done.textContent(), { timeout: 30_000 }).toContain('2 rows were imported');
    const history = region('Past imports');
    await expect.poll(() => history.textContent(), POLL).toContain(FILE_NAME);
    expect(await history.textContent()).toContain('Test Reporter');
    await saveScreenshot(page, 'import-done');

    // The new chain is in the explorer, and its facts cite the imported file.
    await page.goto(`${stack.url()}/`);
    await addBySearch(page, `Importtest Trading ${RUN}`, `Importtest Trading ${RUN}`);
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.textContent(), POLL).toContain(FILE_NAME);
  });

  it('applies a saved mapping to the next file', async () => {
    await pickFile(`again-${RUN}.csv`, SHEET.split('\n').slice(0, 2).join('\n').replace(RUN, `${RUN}b`));
    await expect.poll(() => region('Columns').textContent(), POLL).toContain('Required and not mapped yet: supplier');
    await page.getByLabel('Saved column mapping').selectOption(`bureau sheets ${RUN}`);
    await expect.poll(() => region('Columns').textContent(), POLL).not.toContain('Required and not mapped yet');
    expect(await page.getByLabel('Field for column 中标单位').inputValue()).toBe('supplier');
  });

  it('refuses a file that is not a procurement sheet with a reason, not a crash', async () => {
    await pickFile(`empty-${RUN}.csv`, '');
    await expect.poll(() => region('Problems in the file').textContent(), POLL).toContain('the file is empty');
    expect(await page.getByRole('button', { name: 'Dry run' }).isEnabled()).toBe(true);
  });
});
