import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/browser.ts';
import { type Consoles, field, h1, openArea, openConsoles, shot } from './support/consoles.ts';
import { type RunningServer, sleep } from './support/server.ts';
import { signIn } from './support/session.ts';

/**
 * Intelligence, end to end: the Thai investigator submits a report through the form (a phone
 * number, a person, a scam centre, marked for her own agency only); the Philippine analyst
 * submits the same number in national format through the form; the Thai console, left open,
 * gets the hit live (toast and unread badge, no reload); the analyst asks for disclosure, the
 * investigator approves it; the hit leads to the entity page and its Sigma.js graph.
 * The demo world may hold intelligence too: no exact counts are assumed.
 */
const TH_USER = 'investigator@th.cordon.example';
const PH_USER = 'analyst@ph.cordon.example';
const PHONE_DISPLAY = '+66 81 234 5678';
const TH_TITLE = 'Recruiter phone behind fake IT jobs (e2e)';
const PH_TITLE = 'Job-scam victims in Manila (e2e)';
const CENTRE = 'Shwe Lin compound (e2e)';
const HUB_ADMIN = 'hub.admin@hub.cordon.example';
const TAG_CODE = 'fake-driver-e2e';
const TAG_LABEL = 'Fake driver jobs (e2e)';

let consoles: Consoles;
let server: RunningServer;
let browser: Browser;
let th: Page;
let ph: Page;
let pageErrors: string[];
let thReportUrl = '';
let phReportUrl = '';
let entityUrl = '';
const reportPosts: { key: string | undefined; status: number }[] = [];

/** Opens a Mantine Select / MultiSelect by its label (optionally typing to filter) and picks an option. */
async function pick(page: Page, scope: Locator | Page, label: string, option: string | RegExp, type?: string) {
  const input = field(scope, label);
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

/** The unread count on the navbar's Intelligence item (0 when the badge is not shown). */
async function navUnread(page: Page): Promise<number> {
  const badge = page.getByTestId('intel-unread-nav');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.getAttribute('data-count'));
}

describe('intelligence (real server, two browsers)', () => {
  beforeAll(async () => {
    consoles = await openConsoles([TH_USER, PH_USER], {
      actionTimeoutMs: 15_000,
      onPage: (page) =>
        page.on('response', (res) => {
          const req = res.request();
          if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/intel/reports')
            reportPosts.push({ key: req.headers()['idempotency-key'], status: res.status() });
        }),
    });
    ({ server, browser, pageErrors } = consoles);
    [th, ph] = consoles.pages as [Page, Page];
  }, 180_000);

  afterAll(async () => {
    await consoles?.close();
  }, 30_000);

  it('opens the Intelligence area from the navbar and the new-report form from it', async () => {
    await openArea(th, /^Intelligence/);
    await h1(th, 'Intelligence').waitFor();
    await th.getByRole('link', { name: 'New report' }).click();
    await h1(th, 'New report').waitFor();
    expect(new URL(th.url()).pathname).toBe('/console/intel/reports/new');
    expect(await seriousAxeViolations(th)).toEqual([]);
  });

  it('fills the form: marking for named agencies, a phone, a person, a scam centre and their links', async () => {
    const form = th.getByRole('form', { name: 'New report' });
    await field(form, 'Title').fill(TH_TITLE);
    await field(form, 'Summary').fill('Job ads for "IT support" in Myawaddy; the recruiter answers on this number.');
    await pick(th, form, 'Modus operandi', 'Social-media job ads', 'Social');
    await th.keyboard.press('Escape');
    await form.getByRole('radio', { name: 'TLP:AMBER', exact: true }).check();
    await form.getByRole('radio', { name: 'Named agencies' }).check();
    await pick(th, form, 'Agencies that may read it', /^National Central Bureau Thailand/, 'Central Bureau Thailand');
    await th.keyboard.press('Escape');

    const selector = form.locator('[data-row="selectors-0"]');
    await field(selector, 'Value').fill('12');

    await form.getByRole('button', { name: 'Add a person' }).click();
    const person = form.locator('[data-row="persons-0"]');
    await field(person, 'Name').fill('Arjun Mehtani');
    await pick(th, person, 'Role', 'Recruiter');

    await form.getByRole('button', { name: 'Add a scam centre' }).click();
    const centre = form.locator('[data-row="centres-0"]');
    await field(centre, 'Name').fill(CENTRE);
    await pick(th, centre, 'Country', /\(MM\)$/, 'Myanmar');
    await field(centre, 'Latitude').fill('16.83');
    await field(centre, 'Longitude').fill('98.53');

    await form.getByRole('button', { name: 'Add a relationship' }).click();
    const rel1 = form.locator('[data-row="relationships-0"]');
    await pick(th, rel1, 'From', 'Arjun Mehtani (p1)');
    await pick(th, rel1, 'Relationship', 'uses');
    await pick(th, rel1, 'To', '12 (s1)');
    await form.getByRole('button', { name: 'Add a relationship' }).click();
    const rel2 = form.locator('[data-row="relationships-1"]');
    await pick(th, rel2, 'From', 'Arjun Mehtani (p1)');
    await pick(th, rel2, 'Relationship', 'recruits for');
    await pick(th, rel2, 'To', `${CENTRE} (c1)`);
    // Many fields and pickers: on a loaded two-core machine this takes close to 30 s.
  }, 60_000);

  it('shows the server’s error next to the selector it concerns, then submits once fixed', async () => {
    const form = th.getByRole('form', { name: 'New report' });
    await form.getByRole('button', { name: 'Submit report' }).click();
    const value = field(form.locator('[data-row="selectors-0"]'), 'Value');
    await th.waitForFunction(
      () => document.querySelector('[data-row="selectors-0"] input[aria-invalid="true"]') !== null,
    );
    const describedBy = (await value.getAttribute('aria-describedby')) ?? '';
    const errorText = await th
      .locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`)
      .textContent();
    expect(errorText).toMatch(/phone/i);
    expect(await seriousAxeViolations(th)).toEqual([]);
    await shot(th, 'intel-form-error-desktop');

    await value.fill(PHONE_DISPLAY);
    await form.getByRole('button', { name: 'Submit report' }).click();
    await h1(th, TH_TITLE).waitFor();
    thReportUrl = th.url();
    expect(new URL(thReportUrl).pathname).toMatch(/^\/console\/intel\/reports\/[0-9a-f-]{36}$/);
    await th.getByText(/^Report submitted\./).waitFor();
    // Each attempt carried an Idempotency-Key; the refused one did not block the corrected one.
    expect(reportPosts.map((p) => p.status)).toEqual([400, 201]);
    expect(reportPosts.every((p) => p.key && /^[0-9a-f-]{36}$/.test(p.key))).toBe(true);
    expect(reportPosts[0]?.key).not.toBe(reportPosts[1]?.key);
    const keys = th.getByRole('table').filter({ hasText: 'Canonical key' });
    await keys.getByText('phone:+66812345678').waitFor();
  });

  it('keeps the Thai console open on the inbox, connected to the live stream', async () => {
    await th.getByRole('link', { name: 'Home', exact: true }).click();
    await th.getByTestId('live-state').getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
    await openArea(th, /^Intelligence/);
    await th
      .getByRole('navigation', { name: 'Intelligence sections' })
      .getByRole('link', { name: /^Inbox/ })
      .click();
    await h1(th, 'Inbox').waitFor();
  });

  it('submits the same number in national format from the Philippines and shows the hit at once', async () => {
    const before = await navUnread(th);
    await ph.goto(`${server.baseUrl}/console/intel/reports/new`);
    await h1(ph, 'New report').waitFor();
    const form = ph.getByRole('form', { name: 'New report' });
    await field(form, 'Title').fill(PH_TITLE);
    await field(form, 'Summary').fill('Three victims were recruited by a caller using this Thai number.');
    await form.getByRole('radio', { name: 'TLP:GREEN', exact: true }).check();
    const selector = form.locator('[data-row="selectors-0"]');
    await field(selector, 'Value').fill('081 234 5678');
    await pick(ph, selector, 'Country', 'Thailand (TH)', 'Thailand');
    await shot(ph, 'intel-form-desktop');
    await form.getByRole('button', { name: 'Submit report' }).click();
    await h1(ph, PH_TITLE).waitFor();
    phReportUrl = ph.url();

    const hit = ph.getByTestId('hits-panel').getByTestId('hit').filter({ hasText: 'National Central Bureau Thailand' });
    await hit.first().waitFor();
    // The Thai report is marked for the Thai bureau only: the Philippines learn it exists, not what it says.
    await hit.getByText('Not visible to you').first().waitFor();
    await hit.getByRole('button', { name: 'Request disclosure' }).first().waitFor();
    await shot(ph, 'intel-report-hits-desktop');
    expect(await seriousAxeViolations(ph)).toEqual([]);

    // Meanwhile, without any reload, the Thai console shows a toast and a higher unread count.
    const toast = th.getByRole('alert').filter({ hasText: PH_TITLE });
    await toast.waitFor({ timeout: 20_000 });
    expect(await toast.textContent()).toContain(PHONE_DISPLAY);
    await th.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="intel-unread-nav"]')?.getAttribute('data-count') ?? 0) > n,
      before,
    );
    await th.getByTestId('alert').filter({ hasText: PH_TITLE }).first().waitFor();
    expect(Number(await th.getByTestId('intel-unread-inbox').getAttribute('data-count'))).toBeGreaterThan(0);
    await shot(th, 'intel-inbox-desktop', false);
    expect(await seriousAxeViolations(th)).toEqual([]);
  });

  it('lets the Philippines ask for disclosure and Thailand approve it', async () => {
    const hit = ph.getByTestId('hit').filter({ hasText: 'National Central Bureau Thailand' }).first();
    await hit.getByRole('button', { name: 'Request disclosure' }).click();
    const dialog = ph.getByRole('dialog', { name: 'Request disclosure' });
    await field(dialog, 'Reason').fill('Same recruiter number in three victim statements; we need to deconflict.');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await hit.getByText('Disclosure pending').waitFor();

    await th.getByRole('alert').filter({ hasText: 'Disclosure requested' }).waitFor({ timeout: 20_000 });
    await th.getByRole('tab', { name: 'Disclosure requests' }).click();
    const incoming = th.getByTestId('disclosures-incoming');
    const row = incoming.getByRole('row').filter({ hasText: 'deconflict' });
    await row.getByRole('button', { name: 'Approve' }).click();
    const approve = th.getByRole('dialog', { name: 'Approve disclosure' });
    await field(approve, 'Note (optional)').fill('Shared for deconfliction; keep it in the task force.');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.waitFor({ state: 'hidden' });
    await row.getByText('Disclosed').waitFor();
    expect(await seriousAxeViolations(th)).toEqual([]);

    await ph.reload();
    const visible = ph.getByTestId('hit').filter({ hasText: 'National Central Bureau Thailand' }).first();
    await visible.getByRole('link', { name: 'Open their report' }).waitFor();
  });

  it('opens the hit from the inbox, then the entity page, whose graph renders with a node list', async () => {
    await th.getByRole('tab', { name: 'Alerts' }).click();
    const alert = th.getByTestId('alert').filter({ hasText: PH_TITLE }).first();
    await alert.getByRole('link', { name: 'Open' }).click();
    await h1(th, 'Hit').waitFor();
    await th.getByText(`${PHONE_DISPLAY} matches ${PHONE_DISPLAY}`).waitFor();
    await th.getByRole('link', { name: `My entity: ${PHONE_DISPLAY}` }).click();
    await h1(th, PHONE_DISPLAY).waitFor();
    entityUrl = th.url();

    const graph = th.getByTestId('entity-graph');
    await graph.locator('canvas').first().waitFor();
    expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
    const nodes = th.getByTestId('graph-nodes');
    await nodes.getByText(PH_TITLE).waitFor();
    expect(await nodes.textContent()).toContain(PHONE_DISPLAY);
    expect(await nodes.textContent()).toContain('Arjun Mehtani');
    await sleep(500);
    await shot(th, 'intel-entity-graph-desktop');
    expect(await seriousAxeViolations(th)).toEqual([]);

    // One hop shows fewer nodes than three; a node of the list opens its page.
    await th.getByText('1 step', { exact: true }).click();
    await th.waitForFunction(() => new URL(location.href).searchParams.get('hops') === '1');
    await nodes.getByRole('button', { name: PH_TITLE }).click();
    await h1(th, PH_TITLE).waitFor();
  });

  it('shows the entity’s timeline (reports, relationship, hit, disclosure) and its scam centre on the map', async () => {
    await th.goto(entityUrl);
    await h1(th, PHONE_DISPLAY).waitFor();
    const timeline = th.getByTestId('entity-timeline');
    await timeline.getByText(`Reported in “${TH_TITLE}”`).waitFor();
    await timeline.getByText('Arjun Mehtani uses this entity').waitFor();
    // The Philippine report is GREEN: the hit names it; the disclosure steps name the agency that asked.
    await timeline.getByText(`Hit with “${PH_TITLE}”`).waitFor();
    await timeline.getByText(/asked your agency for disclosure$/).waitFor();
    await timeline.getByText(/^Your agency disclosed its record to /).waitFor();
    const types = await timeline
      .getByTestId('timeline-event')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types.slice(0, 2)).toEqual(['report', 'relationship']);
    expect(types).toContain('hit');
    expect(types.filter((t) => t === 'disclosure')).toHaveLength(2);
    expect(await timeline.getByText('TLP:AMBER').count()).toBeGreaterThan(0);

    // The phone reaches the compound through the recruiter: two links away, on the offline map.
    const places = th.getByTestId('entity-map');
    await places.getByTestId('world-map').waitFor();
    await places.getByRole('listitem').filter({ hasText: CENTRE }).getByText('2 links away').waitFor();
    expect(await places.getByTestId('world-map').locator('a').count()).toBe(1);
    await places.scrollIntoViewIfNeeded();
    await sleep(300);
    await shot(th, 'intel-entity-timeline-map-desktop');
    expect(await seriousAxeViolations(th)).toEqual([]);
  });

  it('finds the number through search, read as a Thai phone number', async () => {
    await th.getByRole('navigation', { name: 'Intelligence sections' }).getByRole('link', { name: 'Search' }).click();
    await h1(th, 'Search').waitFor();
    await th.getByRole('searchbox', { name: 'Search intelligence' }).fill('+66812345678');
    await th.getByRole('button', { name: 'Search', exact: true }).click();
    await th.getByRole('heading', { name: 'Understood as' }).waitFor();
    await th.getByText('phone:+66812345678', { exact: true }).first().waitFor();
    expect(await th.getByTestId('search-entities').getByRole('row').count()).toBeGreaterThan(2);
  });

  it('shows the scam centre on the offline map and opens it', async () => {
    await th.getByRole('navigation', { name: 'Intelligence sections' }).getByRole('link', { name: 'Map' }).click();
    await h1(th, 'Map of scam centres').waitFor();
    const map = th.getByTestId('world-map');
    await map.waitFor();
    expect(await map.locator('path').count()).toBeGreaterThan(100);
    await th.getByTestId('map-centres').getByText(CENTRE).waitFor();
    await sleep(300);
    await shot(th, 'intel-map-desktop');
    expect(await seriousAxeViolations(th)).toEqual([]);
    // Filtered by status: the new compound is active, so "Closed" leaves it out.
    await pick(th, th, 'Status', 'Closed');
    await th.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'closed');
    await th.waitForFunction(
      (name) => !document.querySelector('[data-testid="world-map"]')?.innerHTML.includes(name),
      CENTRE,
    );
    await th.goto(`${server.baseUrl}/console/intel/map?status=active`);
    await th.getByTestId('map-centres').getByText(CENTRE).waitFor();
    await map.getByRole('link', { name: new RegExp(CENTRE.replace(/[()]/g, '\\$&')) }).click();
    await h1(th, CENTRE).waitFor();
  });

  it('lists networks with their key players', async () => {
    await th.getByRole('navigation', { name: 'Intelligence sections' }).getByRole('link', { name: 'Networks' }).click();
    await h1(th, 'Networks').waitFor();
    const rows = th.getByTestId('networks').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().getByRole('button').count()).toBeGreaterThan(0);
  });

  it('shows the taxonomy read-only to an investigator', async () => {
    await th.getByRole('navigation', { name: 'Intelligence sections' }).getByRole('link', { name: 'Taxonomy' }).click();
    await h1(th, 'Modus-operandi taxonomy').waitFor();
    await th.getByTestId('taxonomy-modus-operandi').getByText('Voice phishing', { exact: true }).waitFor();
    await th.getByText('Only the hub’s administrators and reviewers can add tags.').waitFor();
    expect(await th.getByRole('button', { name: 'Add the tag' }).count()).toBe(0);
  });

  it('lets the hub administrator add a tag with translations, errors on their fields', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    context.setDefaultTimeout(15_000);
    const hub = await context.newPage();
    hub.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await signIn(hub, server.baseUrl, HUB_ADMIN);
      await hub.goto(`${server.baseUrl}/console/intel/taxonomy`);
      await h1(hub, 'Modus-operandi taxonomy').waitFor();
      const form = hub.getByRole('form', { name: 'Add a tag' });
      const code = field(form, 'Code');
      // Checked in the console first: the message sits on the field.
      await code.fill('Fake Courier');
      await field(form, 'Label (English)').fill(TAG_LABEL);
      await form.getByRole('button', { name: 'Add the tag' }).click();
      await hub.waitForFunction(() => document.querySelector('input[aria-invalid="true"]') !== null);
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      // A code the taxonomy already has: the server's answer, on the same field.
      await code.fill('voice-phishing');
      await form.getByRole('button', { name: 'Add the tag' }).click();
      await form.getByText('already exists').waitFor();
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await shot(hub, 'intel-taxonomy-error-desktop', false);
      expect(await seriousAxeViolations(hub)).toEqual([]);

      await code.fill(TAG_CODE);
      await pick(hub, form, 'Category', 'Recruitment');
      await field(form, 'Label in French').fill('Faux transporteur (e2e)');
      await field(form, 'Label in Spanish').fill('Falso transportista (e2e)');
      await field(form, 'Description').fill('Workers promised a driving job, taken across the border instead.');
      await form.getByRole('button', { name: 'Add the tag' }).click();
      await hub.getByText(`Tag “${TAG_LABEL}” added.`).waitFor();
      await hub.getByTestId('taxonomy-recruitment').getByText(TAG_CODE, { exact: true }).waitFor();
      await shot(hub, 'intel-taxonomy-desktop');
      await hub.setViewportSize({ width: 375, height: 812 });
      await sleep(300);
      await shot(hub, 'intel-taxonomy-phone');
      const overflow = await hub.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      // In French, the tag goes by its French label.
      await hub.evaluate(() => localStorage.setItem('cordon.language', 'fr'));
      await hub.reload();
      await h1(hub, 'Taxonomie des modes opératoires').waitFor();
      const row = hub.getByTestId('taxonomy-recruitment').getByRole('row').filter({ hasText: TAG_CODE });
      expect(await row.locator('td').first().textContent()).toBe('Faux transporteur (e2e)');
    } finally {
      await context.close();
    }
    // The Thai investigator sees the new tag at once.
    await th.goto(`${server.baseUrl}/console/intel/taxonomy`);
    await th.getByTestId('taxonomy-recruitment').getByText(TAG_LABEL, { exact: true }).waitFor();
  });

  it('works at phone width', async () => {
    await th.setViewportSize({ width: 375, height: 812 });
    await ph.setViewportSize({ width: 375, height: 812 });
    await ph.goto(`${server.baseUrl}/console/intel/reports/new`);
    await h1(ph, 'New report').waitFor();
    await shot(ph, 'intel-form-phone');
    await ph.goto(phReportUrl);
    await h1(ph, PH_TITLE).waitFor();
    await ph.getByTestId('hit').first().waitFor();
    await shot(ph, 'intel-report-hits-phone');
    await th.goto(`${server.baseUrl}/console/intel/inbox`);
    await h1(th, 'Inbox').waitFor();
    await th.getByTestId('alert').first().waitFor();
    await shot(th, 'intel-inbox-phone', false);
    await th.goto(entityUrl);
    await h1(th, PHONE_DISPLAY).waitFor();
    await th.getByTestId('entity-graph').locator('canvas').first().waitFor();
    await sleep(500);
    await shot(th, 'intel-entity-graph-phone');
    await th.goto(`${server.baseUrl}/console/intel/map`);
    await th.getByTestId('world-map').waitFor();
    await sleep(300);
    await shot(th, 'intel-map-phone');
    // Nothing sticks out sideways.
    for (const page of [th, ph]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    }
    expect(thReportUrl).not.toBe('');
  });

  it('raised no uncaught error in either page', () => {
    expect(pageErrors).toEqual([]);
  });
});
