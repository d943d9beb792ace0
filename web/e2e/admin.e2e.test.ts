import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { type RunningServer, sleep, startServer } from './support/server.ts';
import { signIn, totpCode } from './support/session.ts';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('administration and account security (real server, Chromium)', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  describe('agency administrator', () => {
    let page: Page;
    /** A second tab on the home page, to watch the live events the admin's actions cause. */
    let homeTab: Page;
    beforeAll(async () => {
      page = await newPage();
      await signIn(page, server.baseUrl, 'admin@th.cordon.example');
      homeTab = await page.context().newPage();
      await homeTab.goto(`${server.baseUrl}/console/`);
      await homeTab.getByTestId('live-state').getByText('Live', { exact: true }).waitFor();
      await page.bringToFront(); // background tabs get throttled timers, which slows Mantine's transitions
    }, 60_000);

    it('lists the users of the agency', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
      await h1(page, /^Users of /).waitFor();
      await page.getByText('analyst@th.cordon.example').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('creates a user, showing the server’s field error next to the field first', async () => {
      await page.getByRole('button', { name: 'New user' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Email/).fill('not-an-email');
      await dialog.getByLabel(/^Name/).fill('Niran Officer');
      await dialog.getByLabel(/^Initial password/).fill('a-long-initial-password');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.getByRole('alert').waitFor();
      expect(await dialog.getByLabel(/^Email/).getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'user-create-error-desktop');
      await dialog.getByLabel(/^Email/).fill('niran.officer@th.cordon.example');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await page.getByText('User Niran Officer created.').waitFor();
      await page.getByText('niran.officer@th.cordon.example').waitFor();
    });

    it('sees the new account in the live events panel', async () => {
      await homeTab.getByTestId('live-events').getByText('agencies.user.created').waitFor();
      await screenshot(homeTab, 'live-events-desktop');
    });

    it('disables a user', async () => {
      await page.getByRole('button', { name: 'Edit Niran Officer' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Account disabled').check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Changes saved.').waitFor();
      const row = page.getByRole('row').filter({ hasText: 'niran.officer@th.cordon.example' });
      await row.getByText('Disabled').waitFor();
      await screenshot(page, 'users-desktop', true);
    });

    it('issues an API token once, then revokes it', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'API tokens' }).click();
      await h1(page, 'API tokens').waitFor();
      await page.getByRole('button', { name: 'New token' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill('case system import');
      await dialog.getByLabel('intel:read').check();
      await dialog.getByRole('button', { name: 'Create token' }).click();
      const token = (await dialog.getByTestId('issued-token').textContent()) ?? '';
      expect(token.length).toBeGreaterThan(20);
      await screenshot(page, 'token-issued-desktop');
      await dialog.getByRole('button', { name: 'I have stored it' }).click();
      const row = page.getByRole('row').filter({ hasText: 'case system import' });
      await row.getByText('Active').waitFor();
      await row.getByRole('button', { name: 'Revoke token case system import' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await row.getByText('Revoked').waitFor();
    });
  });

  describe('hub administrator', () => {
    let page: Page;
    beforeAll(async () => {
      page = await newPage();
      await signIn(page, server.baseUrl, 'hub.admin@hub.cordon.example');
    }, 60_000);

    it('searches the agencies and registers a new one', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Agencies' }).click();
      await h1(page, 'Agencies').waitFor();
      const count = page.getByText(/^\d+ agencies$/);
      await count.waitFor();
      expect(Number.parseInt((await count.textContent()) ?? '0', 10)).toBeGreaterThan(100);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Register agency' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill('Fiji Anti-Scam Taskforce');
      await dialog.getByLabel(/^Country/).fill('fj');
      await dialog.getByLabel(/^Kind/).selectOption('police');
      await dialog.getByRole('button', { name: 'Register agency' }).click();
      await page.getByText('Agency Fiji Anti-Scam Taskforce registered.').waitFor();
      await page.getByLabel('Search agencies').fill('fiji taskforce');
      await page.getByRole('cell', { name: 'Fiji Anti-Scam Taskforce' }).waitFor();
      await page.getByText(/^1 agency$/).waitFor();
      await screenshot(page, 'agencies-desktop');
      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByLabel('Search agencies').fill('');
      await page.getByText(/^\d+ agencies$/).waitFor();
      await sleep(500); // the navbar slides away when the breakpoint changes
      await screenshot(page, 'agencies-phone');
    });
  });

  describe('any user without MFA', () => {
    it('enrols an authenticator and sees the recovery codes once', async () => {
      const page = await newPage();
      await signIn(page, server.baseUrl, 'investigator@th.cordon.example');
      await page.getByRole('navigation').getByRole('link', { name: 'My security' }).click();
      await h1(page, 'My security').waitFor();
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      await page.getByAltText('QR code to add Cordon to an authenticator app').waitFor();
      const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').trim();
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      await screenshot(page, 'mfa-enrol-desktop');
      await page.getByLabel(/^6-digit code/).fill(await totpCode(secret));
      await page.getByRole('button', { name: 'Confirm' }).click();
      const codes = page.getByTestId('recovery-codes');
      await codes.waitFor();
      expect(await codes.getByRole('listitem').count()).toBeGreaterThanOrEqual(5);
      await screenshot(page, 'mfa-recovery-desktop');
      await page.getByRole('button', { name: 'I have stored them' }).click();
      await page.getByTestId('mfa-status').getByText('Two-step verification is on').waitFor();
    }, 60_000);
  });

  it('raised no uncaught error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
