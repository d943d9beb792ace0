import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { type RunningServer, sleep, startServer } from './support/server.ts';
import { signIn } from './support/session.ts';

/**
 * Operations, end to end: the Thai and the Cambodian investigators each plan an operation in the
 * console and add the same phone number as a target (written differently); both consoles, left
 * open, get the deconfliction alert live, naming only the other agency and its contact point,
 * never the other operation; each acknowledges it on its board. Then the same compound, held in
 * intelligence by each agency under its own name (reported through the intel API, matched by
 * alias and distance), is picked as a target from the intel search in both consoles: both are
 * alerted live again.
 */
const TH_USER = 'investigator@th.cordon.example';
const KH_USER = 'investigator@kh.cordon.example';
const TH_OP = 'Harbour Light (e2e)';
const KH_OP = 'River Delta (e2e)';
const KH_CONTACT = 'AHTPD night desk +855 23 999 111';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let th: Page;
let kh: Page;
const pageErrors: string[] = [];

const field = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name, exact: true });

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(150);
  await screenshot(page, name, true);
}

async function plan(page: Page, codeName: string, contact: string) {
  await page.goto(`${server.baseUrl}/console/operations`);
  await page.getByRole('heading', { level: 1, name: 'Joint operations' }).waitFor();
  await page.getByRole('button', { name: 'Plan an operation' }).click();
  const form = page
    .getByRole('region', { name: 'Plan an operation' })
    .or(page.locator('section[aria-labelledby="plan-title"]'));
  await field(form, 'Code name').fill(codeName);
  await field(form, 'Objectives').fill('Raid the compound and rescue the workers.');
  await form.getByLabel('Starts on').fill('2026-12-01');
  await form.getByLabel('Ends on').fill('2026-12-31');
  await field(form, 'Contact point').fill(contact);
  await form.getByRole('button', { name: 'Create operation' }).click();
  await page.getByRole('heading', { level: 1, name: codeName }).waitFor();
}

async function addPhone(page: Page, value: string, country: string) {
  const form = page.locator('section[aria-labelledby="add-target-title"]');
  await field(form, 'Value').fill(value);
  if (country) await field(form, 'Country').fill(country);
  await form.getByRole('button', { name: 'Add target' }).click();
  await page
    .getByTestId('targets')
    .getByText(/\+66 81 777 0123|081 777 0123|\+66817770123/)
    .waitFor();
}

const TH_CENTRE = 'Jinbei Compound 4 (e2e)';
const KH_CENTRE = 'Building 4 at Jinbei (e2e)';

/** Submits a scam-centre report through the intel API as the signed-in user of the page. */
async function reportCentre(page: Page, centre: Record<string, unknown>): Promise<number> {
  return page.evaluate(async (c) => {
    const res = await fetch('/api/intel/reports', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        title: `Compound report ${c.name}`,
        summary: 'Seen from the river; armed guards at the gate.',
        moTags: [],
        marking: { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' },
        scamCentres: [{ ref: 'c', country: 'KH', status: 'active', ...c }],
      }),
    });
    return res.status;
  }, centre);
}

async function addCentre(page: Page, search: string, name: string, holder: string) {
  await page.getByRole('tab', { name: /Targets/ }).click();
  const form = page.locator('section[aria-labelledby="add-target-title"]');
  await form.getByText('Intelligence entity', { exact: true }).first().click();
  const picker = form.getByRole('textbox', { name: 'Intelligence entity' });
  await picker.fill(search);
  const option = page.getByRole('option').filter({ hasText: name }).filter({ hasText: holder });
  await option.waitFor();
  expect(await option.textContent()).toContain('Scam centre');
  await option.click();
  await form.getByRole('button', { name: 'Add target' }).click();
  await page.getByTestId('targets').getByText(name).waitFor();
}

describe('operations (real server, two browsers)', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer();
    browser = await launchBrowser();
    for (const _ of [0, 1]) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      c.setDefaultTimeout(15_000);
      contexts.push(c);
    }
    th = await (contexts[0] as BrowserContext).newPage();
    kh = await (contexts[1] as BrowserContext).newPage();
    for (const p of [th, kh]) p.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(th, server.baseUrl, TH_USER);
    await signIn(kh, server.baseUrl, KH_USER);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('plans an operation and adds a phone number as a target', async () => {
    await plan(th, TH_OP, 'NCB Bangkok night desk +66 2 000 1111');
    expect(await seriousAxeViolations(th)).toEqual([]);
    await addPhone(th, '+66 81 777 0123', '');
    expect(await th.getByTestId('targets').getByText('Selector').count()).toBeGreaterThan(0);
  });

  it('alerts both agencies live when a second operation targets the same number', async () => {
    await plan(kh, KH_OP, KH_CONTACT);
    // The Thai console stays on its operation; the Cambodian adds the number in national format.
    await addPhone(kh, '081 777 0123', 'TH');
    const thToast = th.getByRole('alert').filter({ hasText: 'Deconfliction alert' });
    await thToast.waitFor();
    const thText = (await thToast.textContent()) ?? '';
    expect(thText).toContain('Anti-Human-Trafficking Police Department');
    expect(thText).toContain(KH_CONTACT);
    expect(thText).not.toContain(KH_OP);
    const khToast = kh.getByRole('alert').filter({ hasText: 'Deconfliction alert' });
    await khToast.waitFor();
    expect((await khToast.textContent()) ?? '').toContain('National Central Bureau Thailand');
    expect((await khToast.textContent()) ?? '').not.toContain(TH_OP);
  });

  it('shows the conflict on the board, to acknowledge', async () => {
    await th.getByRole('tab', { name: /Conflicts/ }).click();
    const card = th.getByTestId('conflict').filter({ hasText: 'Anti-Human-Trafficking Police Department' });
    await card.waitFor();
    expect(await card.textContent()).not.toContain(KH_OP);
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.getByText('Acknowledged by us: Yes').waitFor();
    // The Cambodian side sees the Thai acknowledgement live.
    await kh.getByRole('tab', { name: /Conflicts/ }).click();
    const khCard = kh.getByTestId('conflict').filter({ hasText: 'National Central Bureau Thailand' });
    await khCard.getByText('by them: Yes').waitFor();
    await khCard.getByRole('button', { name: 'Acknowledge' }).click();
    await khCard.getByText('Acknowledged', { exact: true }).waitFor();
    expect(await seriousAxeViolations(kh)).toEqual([]);
    await shot(th, 'operations-conflicts-1280');
  });

  it('alerts both agencies live when each picks the same compound, held as two matched intel entities', async () => {
    // Each agency reports the compound under its own name: intelligence matches them (alias, 70 m).
    expect(await reportCentre(th, { name: TH_CENTRE, location: { lat: 11.5801, lon: 104.9101 } })).toBe(201);
    expect(
      await reportCentre(kh, { name: KH_CENTRE, aliases: [TH_CENTRE], location: { lat: 11.5806, lon: 104.9105 } }),
    ).toBe(201);
    await addCentre(th, 'Jinbei Compound', TH_CENTRE, 'National Central Bureau Thailand');
    await th.setViewportSize({ width: 375, height: 800 });
    const picker = th.getByRole('textbox', { name: 'Intelligence entity' });
    await picker.click();
    await picker.fill('Jinbei');
    await th.getByRole('option').filter({ hasText: KH_CENTRE }).waitFor();
    await shot(th, 'operations-entity-picker-375');
    await th.keyboard.press('Escape');
    await th.setViewportSize({ width: 1280, height: 800 });
    await addCentre(kh, 'Building 4 at Jinbei', KH_CENTRE, 'Anti-Human-Trafficking Police Department');
    const thToast = th.getByRole('alert').filter({ hasText: 'Deconfliction alert' }).filter({ hasText: TH_CENTRE });
    await thToast.waitFor();
    const thText = (await thToast.textContent()) ?? '';
    expect(thText).toContain('Anti-Human-Trafficking Police Department');
    expect(thText).toContain(KH_CONTACT);
    expect(thText).not.toContain(KH_OP);
    expect(thText).not.toContain(KH_CENTRE);
    const khToast = kh.getByRole('alert').filter({ hasText: 'Deconfliction alert' }).filter({ hasText: KH_CENTRE });
    await khToast.waitFor();
    expect((await khToast.textContent()) ?? '').toContain('National Central Bureau Thailand');
    expect((await khToast.textContent()) ?? '').not.toContain(TH_OP);
    await th.getByTestId('targets').getByRole('row').filter({ hasText: TH_CENTRE }).getByText('1 conflict').waitFor();
    expect(await seriousAxeViolations(th)).toEqual([]);
    await shot(th, 'operations-compound-targets-1280');
  });

  it('adds a register entry and withdraws it from the deconfliction page, at 1280 and 375 px', async () => {
    await kh.goto(`${server.baseUrl}/console/operations/deconfliction`);
    await kh.getByRole('heading', { level: 1, name: 'Deconfliction' }).waitFor();
    const form = kh.locator('section[aria-labelledby="register-add"]');
    await field(form, 'Value').fill('+855 12 345 678');
    await field(form, 'Contact point').fill(KH_CONTACT);
    await form.getByRole('button', { name: 'Add entry' }).click();
    const row = kh.getByTestId('register').getByRole('row').filter({ hasText: 'phone:+85512345678' });
    await row.waitFor();
    expect(await seriousAxeViolations(kh)).toEqual([]);
    await shot(kh, 'operations-register-1280');
    kh.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: /^Withdraw / }).click();
    await row.getByText('Withdrawn').waitFor();
    await kh.setViewportSize({ width: 375, height: 800 });
    await row.scrollIntoViewIfNeeded();
    await screenshot(kh, 'operations-register-375', true);
    expect(await seriousAxeViolations(kh)).toEqual([]);
  });

  it('shows the demo operation’s results and a numbers-only public summary, at 1280 and 375 px', async () => {
    await th.goto(`${server.baseUrl}/console/operations`);
    await th.getByRole('link', { name: 'Sea Lantern' }).click();
    await th.getByRole('heading', { level: 1, name: 'Sea Lantern' }).waitFor();
    await th.getByRole('tab', { name: 'Results' }).click();
    await th.getByTestId('public-summary').waitFor();
    expect(await th.getByTestId('public-summary').textContent()).toMatch(/TLP:CLEAR — 4 countries, 90 arrests/);
    expect(await seriousAxeViolations(th)).toEqual([]);
    await shot(th, 'operations-results-1280');
    await th.setViewportSize({ width: 375, height: 800 });
    await th.getByRole('tab', { name: 'Targets' }).click();
    await th.getByTestId('targets').waitFor();
    await shot(th, 'operations-targets-375');
    await th.goto(`${server.baseUrl}/console/operations`);
    await th.getByTestId('operations-list').waitFor();
    await shot(th, 'operations-list-375');
    expect(await seriousAxeViolations(th)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
