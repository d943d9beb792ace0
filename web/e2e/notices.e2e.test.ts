import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { type RunningServer, sleep, startServer } from './support/server.ts';
import { signIn } from './support/session.ts';

/**
 * Notices, end to end: the Thai investigator drafts a Purple Notice in the console, is told which
 * required fields are missing when submitting, completes and submits it; the hub reviewer ticks
 * the compliance checklist and publishes it; the Indonesian analyst's inbox, left open, shows it
 * live.
 */
const TH_USER = 'investigator@th.cordon.example';
const HUB_USER = 'reviewer@hub.cordon.example';
const ID_USER = 'analyst@id.cordon.example';
const TITLE = 'Fake casino croupier jobs in Poipet (e2e)';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let th: Page;
let hub: Page;
let idn: Page;
const pageErrors: string[] = [];

const field = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name, exact: true });

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(150);
  await screenshot(page, name, true);
}

describe('notices (real server, three browsers)', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    const pages: Page[] = [];
    for (const _ of [0, 1, 2]) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      c.setDefaultTimeout(15_000);
      contexts.push(c);
      const p = await c.newPage();
      p.on('pageerror', (e) => pageErrors.push(e.message));
      pages.push(p);
    }
    [th, hub, idn] = pages as [Page, Page, Page];
    await signIn(th, server.baseUrl, TH_USER);
    await signIn(hub, server.baseUrl, HUB_USER);
    await signIn(idn, server.baseUrl, ID_USER);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('drafts a Purple Notice and names the missing required fields on submission', async () => {
    await th.goto(`${server.baseUrl}/console/notices/new`);
    await th.getByRole('heading', { level: 1, name: 'Draft a notice' }).waitFor();
    expect(await seriousAxeViolations(th)).toEqual([]);
    await shot(th, 'notices-form-1280');
    await field(th, 'Title').fill(TITLE);
    await field(th, 'Modus operandi').fill('Croupier jobs advertised on Facebook, passports kept on arrival.');
    await th.getByRole('button', { name: 'Save draft' }).click();
    await th.getByTestId('notice-title').filter({ hasText: TITLE }).waitFor();
    await th.getByRole('button', { name: 'Submit for review' }).click();
    const errors = th.getByTestId('submit-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    for (const f of ['Methods', 'Objects and devices', 'Concealment']) expect(text).toContain(f);
    await th.getByRole('link', { name: 'Revise' }).click();
    await th.getByRole('heading', { level: 1, name: 'Revise the notice' }).waitFor();
    await field(th, 'Methods').fill('Recruiters on Facebook pay the bus to the border.');
    await field(th, 'Objects and devices').fill('SIM boxes\nFake casino badges');
    await field(th, 'Concealment').fill('Compounds behind casino fronts.');
    await th.getByRole('button', { name: 'Save draft' }).click();
    await th.getByText('Revision 2').first().waitFor();
    await th.getByRole('button', { name: 'Submit for review' }).click();
    await th.getByText('Under review').first().waitFor();
  });

  it('is reviewed against the checklist and published by the hub, reaching another agency live', async () => {
    await idn.goto(`${server.baseUrl}/console/notices`);
    await idn.getByTestId('notices-list').waitFor();
    expect(await idn.getByText(TITLE).count()).toBe(0);

    await hub.goto(`${server.baseUrl}/console/notices/review`);
    await hub.getByRole('link', { name: TITLE }).click();
    const form = hub.getByTestId('review-form');
    await form.waitFor();
    await form.getByRole('button', { name: 'Publish' }).click();
    await form.getByText('every check must pass to publish').first().waitFor();
    for (const c of [
      'Every required field is complete',
      'The data is of sufficient quality',
      'No political, military, religious or racial character (Article 3)',
    ])
      await form.getByRole('checkbox', { name: c }).check();
    expect(await seriousAxeViolations(hub)).toEqual([]);
    await shot(hub, 'notices-review-1280');
    await form.getByRole('button', { name: 'Publish' }).click();
    await hub.getByText('Published', { exact: true }).first().waitFor();

    // The Indonesian inbox, left open, gets it without a reload.
    await idn.getByRole('alert').filter({ hasText: 'Notice published' }).waitFor();
    await idn.getByTestId('notices-list').getByRole('link', { name: TITLE }).waitFor();
    await idn.getByTestId('notices-list').getByRole('link', { name: TITLE }).click();
    await idn.getByTestId('notice-details').getByText('Fake casino badges').waitFor();
    expect(await seriousAxeViolations(idn)).toEqual([]);
    await shot(idn, 'notices-notice-1280');
    await idn.setViewportSize({ width: 375, height: 800 });
    await shot(idn, 'notices-notice-375');
    await idn.goto(`${server.baseUrl}/console/notices`);
    await idn.getByTestId('notices-list').waitFor();
    expect(await seriousAxeViolations(idn)).toEqual([]);
    await shot(idn, 'notices-list-375');
    expect(pageErrors).toEqual([]);
  });
  it('drafts a Red Notice with the subject’s aliases, sex, description and a linked selector, at 1280 and 375 px', async () => {
    await th.goto(`${server.baseUrl}/console/notices/new`);
    await th.getByRole('heading', { level: 1, name: 'Draft a notice' }).waitFor();
    await th.getByRole('textbox', { name: 'Type' }).click();
    await th.getByRole('option', { name: 'Red', exact: true }).click();
    await field(th, 'Title').fill('Compound manager wanted (e2e)');
    await field(th, 'Name').fill('Chen Long');
    await field(th, 'Aliases').fill('Brother Long\n陈龙');
    await field(th, 'Nationalities').fill('CN');
    await th.getByRole('textbox', { name: 'Sex' }).click();
    await th.getByRole('option', { name: 'Male', exact: true }).click();
    await field(th, 'Description').fill('Scar on the left hand; speaks Mandarin and Thai.');
    await th.getByRole('button', { name: 'Add a selector' }).click();
    await field(th, 'Selector 1').fill('081 234 5678');
    await field(th, 'Country 1').fill('th');
    expect(await seriousAxeViolations(th)).toEqual([]);
    await th.setViewportSize({ width: 375, height: 800 });
    await field(th, 'Selector 1').scrollIntoViewIfNeeded();
    await screenshot(th, 'notices-form-red-375', true);
    await th.setViewportSize({ width: 1280, height: 800 });
    await screenshot(th, 'notices-form-red-1280', true);
    await th.getByRole('button', { name: 'Save draft' }).click();
    const details = th.getByTestId('notice-details');
    await details.getByText('Brother Long, 陈龙').waitFor();
    await details.getByText('Scar on the left hand; speaks Mandarin and Thai.').waitFor();
    await th.getByText('phone:+66812345678').waitFor();
    // Revising keeps the link and the subject's extras.
    await th.getByRole('link', { name: 'Revise' }).click();
    await th.getByRole('heading', { level: 1, name: 'Revise the notice' }).waitFor();
    expect(await field(th, 'Selector 1').inputValue()).toBe('+66812345678');
    expect(await field(th, 'Aliases').inputValue()).toBe('Brother Long\n陈龙');
    await th.getByRole('button', { name: 'Save draft' }).click();
    await th.getByText('Revision 2').first().waitFor();
    await th.getByText('phone:+66812345678').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
