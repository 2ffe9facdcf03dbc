import { startTestServer } from '@explorer/api/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './browser.ts';

/**
 * Registers hooks that serve the built app over the project's seeded database and open Chromium;
 * both are closed when the file's tests end.
 */
export function useAppInBrowser(): { url: () => string; browser: () => Browser } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await startTestServer(inject('neo4jTarget'), inject('webDistDir'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browser test stack not ready');
    return value;
  };
  return { url: () => ready(server).url, browser: () => ready(browser) };
}
