import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { type RunningServer, sleep, startServer } from './support/server.ts';
import { DEMO_PASSWORD, totpCode } from './support/session.ts';

const ANALYST = 'analyst@th.cordon.example';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const url = (path: string) => `${server.baseUrl}${path}`;
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('web console (real server, Chromium)', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('sends a visitor without a session from /console/ to the login page (/ is the public portal)', async () => {
    await page.goto(url('/console/'));
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows an error for a wrong password, without saying which part was wrong', async () => {
    await page.getByLabel('Email', { exact: true }).fill(ANALYST);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not correct.');
    await screenshot(page, 'login-error-desktop');
  });

  it('signs in with password and a TOTP code', async () => {
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await page.getByLabel('Authentication code').fill(await totpCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading(/^Welcome, /).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/');
  });

  it('shows the agency, roles, the marking legend and the live events panel', async () => {
    const summary = await page.getByRole('banner').getByTestId('user-summary').textContent();
    expect(summary).toContain('Thailand');
    await page.getByRole('heading', { name: 'Your agency' }).waitFor();
    await page.getByText('TLP:AMBER+STRICT').waitFor();
    await page.getByText('PAP:RED').waitFor();
    await page.getByRole('heading', { name: 'Live events' }).waitFor();
    await screenshot(page, 'home-desktop', true);
  });

  it('connects the live events panel to /api/events/stream', async () => {
    await page.getByTestId('live-state').getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
  });

  it('has no serious or critical axe violations on the home page', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens each area from the navbar', async () => {
    // Intelligence is built (its own tests are in intel.e2e.test.ts); its link may carry an unread badge.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /^Intelligence/ })
      .click();
    await heading('Intelligence').waitFor();
    await page.getByRole('navigation', { name: 'Intelligence sections' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/intel');
    // Operations is built too (operations.e2e.test.ts).
    await page.getByRole('navigation').getByRole('link', { name: 'Operations', exact: true }).click();
    await heading('Joint operations').waitFor();
    await page.getByRole('navigation', { name: 'Operations sections' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/operations');
    // Every other built area opens its own page; only Trends is still to come.
    for (const [name, path] of [
      ['Finance', '/console/finance'],
      ['Rescue', '/console/rescue'],
      ['Notices', '/console/notices'],
      ['Public awareness', '/console/awareness'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await page.waitForURL((u) => u.pathname === path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.getByTestId('coming-soon').count()).toBe(0);
    }
    await page.getByRole('navigation').getByRole('link', { name: 'Trends', exact: true }).click();
    await heading('Trends').waitFor();
    await page.getByTestId('coming-soon').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/trends');
    await page.getByRole('link', { name: 'My security' }).click();
    await heading('My security').waitFor();
    await page.getByTestId('mfa-status').getByText('Two-step verification is on').waitFor();
    // The analyst is no administrator: no Administration section.
    expect(await page.getByRole('navigation').getByText('Administration').count()).toBe(0);
  });

  it('switches to dark mode and keeps it after a reload', async () => {
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await heading(/^Welcome, /).waitFor();
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    const scheme = () => page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    expect(await scheme()).toBe('dark');
    await page.reload();
    await heading(/^Welcome, /).waitFor();
    expect(await scheme()).toBe('dark');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'home-desktop-dark', true);
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    expect(await scheme()).toBe('light');
  });

  it('switches language, updates <html lang> and keeps the choice', async () => {
    await page.getByLabel('Language').selectOption('fr');
    await heading(/^Bienvenue, /).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.reload();
    await page.getByRole('link', { name: 'Renseignement' }).waitFor();
    await screenshot(page, 'home-desktop-fr');
    await page.getByLabel('Langue').selectOption('es');
    await heading(/^Bienvenido\/a, /).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByLabel('Idioma').selectOption('en');
    await heading(/^Welcome, /).waitFor();
  });

  it('works at phone width with the navbar behind a burger', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const navOnScreen = async () => {
      const box = await nav.boundingBox();
      return box !== null && box.x + box.width > 1;
    };
    await sleep(400);
    expect(await navOnScreen()).toBe(false);
    await screenshot(page, 'home-phone');
    await page.getByRole('button', { name: 'Show or hide navigation' }).click();
    await sleep(400);
    expect(await navOnScreen()).toBe(true);
    await screenshot(page, 'nav-open-phone');
    await nav.getByRole('link', { name: 'Trends' }).click();
    await heading('Trends').waitFor();
    await sleep(400);
    expect(await navOnScreen()).toBe(false);
    await screenshot(page, 'area-phone');
  });

  it('logs out and lands on the login page; the session is gone', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    await screenshot(page, 'login-phone');
    await page.goto(url('/console/'));
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
  });

  it('raised no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
