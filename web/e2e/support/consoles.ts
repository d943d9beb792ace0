import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './browser.ts';
import { ensureWebBuilt } from './build.ts';
import { type RunningServer, sleep, startServer } from './server.ts';
import { signIn } from './session.ts';

/** A real server and one signed-in console per user, each in its own browser context. */
export interface Consoles {
  server: RunningServer;
  browser: Browser;
  contexts: BrowserContext[];
  pages: Page[];
  /** Uncaught errors of every page (a test ends by expecting none). */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Builds the console if needed, starts a server, and signs each user in, in a 1280 × 800 English
 * context of its own. `onPage` may watch each page before it signs in.
 */
export async function openConsoles(
  users: string[],
  o: { serverTimeoutMs?: number; actionTimeoutMs: number; onPage?: (page: Page) => void },
): Promise<Consoles> {
  await ensureWebBuilt();
  const server = await startServer(o.serverTimeoutMs);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.stop();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  for (const _ of users) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    context.setDefaultTimeout(o.actionTimeoutMs);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    o.onPage?.(page);
    pages.push(page);
  }
  for (const [i, user] of users.entries()) await signIn(pages[i] as Page, server.baseUrl, user);
  return {
    server,
    browser,
    contexts,
    pages,
    pageErrors,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** The page's level-1 heading with this name. */
export const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A text field (input, textarea, select box) by its accessible name; required marks are not part of it. */
export const field = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name, exact: true });

/** Opens an area of the console from the main navigation (the name may be followed by a badge). */
export async function openArea(page: Page, name: RegExp) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name }).click();
}

/** A screenshot from the top of the page (a full-page shot taken while scrolled repeats the fixed header). */
export async function shot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(150);
  await screenshot(page, name, fullPage);
}

/** Screenshots at 1280 and 375 px wide, with the axe check at both widths. */
export async function bothWidths(page: Page, name: string) {
  await shot(page, `${name}-desktop`);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await sleep(200);
  await shot(page, `${name}-mobile`);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
}
