import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/app-in-browser.ts';
import { POLL, addAndExpand } from '../support/explorer-page.ts';
import { saveScreenshot } from '../support/screenshots.ts';

const stack = useAppInBrowser();

/**
 * Everything the page's Content-Security-Policy blocked: the browser's securitypolicyviolation events
 * (recorded from before the app's first script) and its console reports of them.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      const where = event.target instanceof Element ? event.target.outerHTML.slice(0, 120) : event.sourceFile;
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${where}:${event.lineNumber}`);
    });
  });
  return async () => [
    ...reported,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

describe('the web app under its Content-Security-Policy', () => {
  it(
    'draws the explorer, exports a PNG and an SVG, and runs the console, with nothing blocked',
    { timeout: 120_000 },
    async () => {
      const page = await stack.browser().newPage({ viewport: { width: 1600, height: 1000 } });
      page.setDefaultTimeout(15_000);
      const violations = await watchViolations(page);
      const response = await page.goto(stack.url());
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

      await addAndExpand(page, 'Seagate', 'Seagate Technology Holdings');
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      for (const format of ['png', 'svg']) {
        await dialog.getByLabel('Format').selectOption(format);
        const [file] = await Promise.all([
          page.waitForEvent('download', { timeout: 30_000 }),
          dialog.getByRole('button', { name: 'Download' }).click(),
        ]);
        expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      }
      await page.keyboard.press('Escape');
      await saveScreenshot(page, 'csp-explorer');
      expect(await violations()).toEqual([]);

      // The console's editor loads on demand, with its own styles.
      await page.goto(`${stack.url()}/console`);
      await page.locator('.console-editor .cm-content').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('UNWIND [1, 2] AS n RETURN n');
      await page.getByRole('button', { name: /^Run/ }).click();
      await expect.poll(() => page.getByRole('table', { name: 'Result rows' }).textContent(), POLL).toContain('2');
      // The editor's own layout is in the <style> element the page's nonce lets it write.
      expect(await page.locator('.cm-editor').evaluate((editor) => getComputedStyle(editor).display)).toBe('flex');
      await saveScreenshot(page, 'csp-console');
      expect(await violations()).toEqual([]);
      await page.close();
    },
  );
});
