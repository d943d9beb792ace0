import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { type RunningServer, sleep, startServer } from './support/server.ts';
import { signIn } from './support/session.ts';

/**
 * Rescue, end to end: the Thai investigator opens a critical case through the form and sees its
 * countdown; the triage deadline passes (the server runs with a configured protocol whose critical
 * triage deadline is 36 s: CORDON_RESCUE_DEADLINES, the same setting operators use) and the
 * escalation reaches the case page and the supervisor's console live; the case is then walked to
 * "rescued", the supervisor taking the step only a supervisor may take.
 */
const INV = 'investigator@th.cordon.example';
const SUP = 'supervisor@th.cordon.example';
const NAME = 'Siti Aminah (e2e)';

let server: RunningServer;
let browser: Browser;
let invContext: BrowserContext;
let supContext: BrowserContext;
let inv: Page;
let sup: Page;
let caseUrl = '';
const pageErrors: string[] = [];

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const field = (scope: Locator | Page, name: string) => scope.getByRole('textbox', { name, exact: true });

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(200);
  await screenshot(page, name, true);
}

async function takeStep(page: Page, stage: string, fill: (form: Locator) => Promise<void>) {
  await page.getByTestId(`step-${stage}`).click();
  const form = page.getByTestId('step-form');
  await fill(form);
  await form.getByTestId('confirm-step').click();
  await form.waitFor({ state: 'detached' });
}

describe('rescue (real server, two browsers)', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startServer(180_000, { CORDON_RESCUE_DEADLINES: JSON.stringify({ critical: { reported: 0.01 } }) });
    browser = await launchBrowser();
    invContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    supContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    invContext.setDefaultTimeout(15_000);
    supContext.setDefaultTimeout(15_000);
    inv = await invContext.newPage();
    sup = await supContext.newPage();
    for (const page of [inv, sup]) page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(inv, server.baseUrl, INV);
    await signIn(sup, server.baseUrl, SUP);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the board by stage with countdowns, including the demo raid', async () => {
    await inv.goto(`${server.baseUrl}/console/rescue`);
    await h1(inv, 'Rescue cases').waitFor();
    await inv.getByTestId('case-card').first().waitFor();
    expect(await inv.getByTestId('countdown').count()).toBeGreaterThan(0);
    await inv.getByText('Myawaddy compound handover, 200 foreign nationals').waitFor();
    // Demo cases past their deadline are escalated by the job runner on start.
    await inv.getByTestId('breached').first().waitFor({ timeout: 30_000 });
    expect(await seriousAxeViolations(inv)).toEqual([]);
    await shot(inv, 'rescue-board-1280');
  });

  it('opens a critical case and shows its countdown', async () => {
    await inv.getByTestId('new-case').click();
    await h1(inv, 'Open a rescue case').waitFor();
    await field(inv, 'Host country').fill('TH');
    await field(inv, 'Name (any script)').fill(NAME);
    await field(inv, 'Nationality').fill('ID');
    await field(inv, 'Date of birth').fill('2000-02-29');
    await inv.getByRole('checkbox', { name: 'Immediate danger' }).check();
    await field(inv, 'Area or compound').fill('Mae Sot');
    // The last known location links an intelligence scam centre the investigator may read (the
    // operations entity picker, narrowed to scam centres): every option offered is one.
    const picker = inv.getByRole('textbox', { name: 'Linked scam centre' });
    await picker.click();
    await picker.fill('Park');
    const option = inv.getByTestId('entity-option').first();
    await option.waitFor();
    const kinds = await inv.getByTestId('entity-option').locator('p, div').allTextContents();
    expect(kinds.join(' ')).toMatch(/Scam centre/);
    expect(kinds.join(' ')).not.toMatch(/Person ·|Organisation ·/);
    // Same-named compounds of different agencies are told apart by country and agency.
    expect(((await option.locator('p').nth(1).textContent()) ?? '').trim()).toMatch(/^Scam centre · [^·]+ · [^·]+$/);
    await screenshot(inv, 'rescue-scam-centre-picker-1280');
    const centre = ((await option.locator('p').first().textContent()) ?? '').trim();
    expect(centre).not.toBe('');
    await option.click();
    await inv.getByTestId('open-case').click();
    await h1(inv, /^RC-/).waitFor();
    caseUrl = inv.url();
    await inv.getByText(centre, { exact: false }).first().waitFor();
    await expect.poll(() => inv.getByTestId('risk').first().textContent()).toBe('Critical');
    await expect.poll(() => inv.getByTestId('countdown').textContent()).toMatch(/left$/);
    await inv.getByRole('cell', { name: NAME }).waitFor();
    expect(await seriousAxeViolations(inv)).toEqual([]);
    await shot(inv, 'rescue-case-new-1280');
  });

  it('escalates when the triage deadline passes: the case page and the supervisor are told live', async () => {
    await sup.goto(`${server.baseUrl}/console/rescue`);
    await h1(sup, 'Rescue cases').waitFor();
    // No reload on either page: the escalation arrives on the live stream.
    await inv.getByTestId('escalation-alert').waitFor({ timeout: 90_000 });
    await expect.poll(() => inv.getByTestId('countdown').textContent()).toMatch(/^Overdue by/);
    await sup.getByText('Rescue deadline missed').first().waitFor({ timeout: 20_000 });
    await inv.getByTestId('timeline').getByText('Escalation').first().waitFor();
    await shot(inv, 'rescue-case-escalated-1280');
  }, 120_000);

  it('walks the case to "rescued", each step asking for its data and only the allowed steps offered', async () => {
    await takeStep(inv, 'triaged', async (form) => {
      await field(form, 'Risk level').click();
      await inv.getByRole('option', { name: 'Critical' }).click();
    });
    await inv.getByTestId('stage').filter({ hasText: 'Triaged' }).waitFor();
    // The escalation belonged to the triage step: gone with it.
    await inv.getByTestId('escalation-alert').waitFor({ state: 'detached' });
    await takeStep(inv, 'verified', async (form) => {
      await field(form, 'Verified through').fill('Call-back with the sister');
    });
    // "Located" without a location is refused with the field at fault, nothing written.
    await inv.getByTestId('step-located').click();
    const form = inv.getByTestId('step-form');
    await form.getByTestId('confirm-step').click();
    await form
      .getByText(/location/i)
      .first()
      .waitFor();
    await field(form, 'Latitude').fill('16.71');
    await field(form, 'Longitude').fill('98.57');
    await field(form, 'Confidence').fill('80');
    await form.getByTestId('confirm-step').click();
    await inv.getByTestId('stage').filter({ hasText: 'Located' }).waitFor();
    await inv.getByTestId('case-map').waitFor();
    // Planning the rescue is the supervisor's: the investigator is not offered it.
    expect(await inv.getByTestId('step-rescue-planned').count()).toBe(0);
    await inv.getByText(/Rescue planned: .*needs the role supervisor/).waitFor();

    await sup.goto(caseUrl);
    await h1(sup, /^RC-/).waitFor();
    await takeStep(sup, 'rescue-planned', async (f) => {
      await f.getByLabel('Planned for').fill(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
    });
    await sup.getByTestId('stage').filter({ hasText: 'Rescue planned' }).waitFor();

    // The investigator's page follows live, then takes the rescue step.
    await inv.getByTestId('stage').filter({ hasText: 'Rescue planned' }).waitFor();
    await takeStep(inv, 'rescued', async (f) => {
      await f.getByLabel('Rescued on').fill(new Date().toISOString().slice(0, 10));
    });
    await inv.getByTestId('stage').filter({ hasText: 'Rescued' }).waitFor();
    await inv.getByTestId('screen-person').first().waitFor();
    expect(await seriousAxeViolations(inv)).toEqual([]);
    await shot(inv, 'rescue-case-rescued-1280');
  }, 60_000);

  it('adds an agency to the case team from the case page', async () => {
    const form = inv.getByTestId('add-team-member');
    const agency = form.getByRole('textbox', { name: 'Agency', exact: true });
    await agency.click();
    await agency.fill('Safe Passage');
    await inv.getByRole('option', { name: /Safe Passage Foundation \(demo\)/ }).click();
    await form.getByTestId('add-agency').click();
    await inv
      .getByText(/NGO \/ shelter/)
      .first()
      .waitFor();
    await inv
      .getByTestId('timeline')
      .getByText(/Safe Passage Foundation \(demo\).*joined as ngo-shelter/)
      .waitFor();
  });

  it('screens the person, then plans a repatriation batch that the dashboard counts', async () => {
    await inv.getByTestId('screen-person').first().click();
    await inv.getByRole('checkbox', { name: 'Deceptive recruitment' }).check();
    await inv.getByRole('checkbox', { name: /Forced criminal activity/ }).check();
    await inv.getByTestId('save-screening').click();
    await inv.getByTestId('non-punishment').first().waitFor();
    const planner = inv.getByTestId('batch-planner');
    await planner.getByRole('checkbox', { name: NAME }).waitFor();
    expect(await planner.getByRole('checkbox', { name: NAME }).isChecked()).toBe(true);
    await planner.getByRole('textbox', { name: 'Carrier or flight reference', exact: true }).fill('GA-867');
    await planner.getByRole('textbox', { name: 'Travel date', exact: true }).fill('2026-12-01');
    await planner.getByTestId('plan-batch').click();
    await planner.getByTestId('batch-created').getByText('Batch planned with 1 person.').waitFor();
    await shot(inv, 'rescue-case-batch-1280');
    await planner.getByRole('link', { name: 'Repatriation' }).click();
    await inv.getByTestId('dashboard-table').waitFor();
    await inv.getByText(/GA-867/).waitFor();
    await inv.goto(caseUrl);
    await h1(inv, /^RC-/).waitFor();
  }, 60_000);

  it('fits a phone screen', async () => {
    await inv.setViewportSize({ width: 375, height: 812 });
    await inv.reload();
    await h1(inv, /^RC-/).waitFor();
    const overflow = await inv.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // One card per person: the Yellow Notice action is on screen without sideways scrolling.
    const card = inv.getByTestId('person-card').filter({ hasText: NAME });
    await card.waitFor();
    expect(await inv.getByTestId('person-row').count()).toBe(0);
    const button = card.getByTestId('yellow-notice');
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
    await shot(inv, 'rescue-case-375');
    await inv.goto(`${server.baseUrl}/console/rescue`);
    await h1(inv, 'Rescue cases').waitFor();
    await inv.getByTestId('case-card').first().waitFor();
    await shot(inv, 'rescue-board-375');
    await inv.goto(`${server.baseUrl}/console/rescue/dashboard`);
    await inv.getByTestId('dashboard-table').waitFor();
    await shot(inv, 'rescue-dashboard-375');
    expect(pageErrors).toEqual([]);
  });
});
