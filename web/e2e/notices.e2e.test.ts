import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from './support/browser.ts';
import { type Consoles, field, openConsoles, shot } from './support/consoles.ts';
import type { RunningServer } from './support/server.ts';

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

let consoles: Consoles;
let server: RunningServer;
let th: Page;
let hub: Page;
let idn: Page;
let pageErrors: string[];

const SEEN_CENTRE = 'Crown annex at Poipet (e2e)';
const HIDDEN_CENTRE = 'Crown annex back office (e2e)';

/** Submits a scam-centre report through the intel API as the page's user; the centre's entity id. */
async function reportCentre(page: Page, name: string, ownAgencyOnly: boolean): Promise<string> {
  return page.evaluate(
    async ({ name, ownAgencyOnly }) => {
      const me = (await (await fetch('/api/auth/me', { credentials: 'same-origin' })).json()) as {
        agency: { id: string };
      };
      const audience = ownAgencyOnly ? { kind: 'agencies', agencyIds: [me.agency.id] } : { kind: 'all' };
      const res = await fetch('/api/intel/reports', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          title: `Compound report ${name}`,
          summary: 'Casino front; workers recruited as croupiers.',
          moTags: [],
          marking: {
            tlp: ownAgencyOnly ? 'AMBER' : 'GREEN',
            audience,
            pap: 'GREEN',
            reliability: 'B',
            credibility: '2',
          },
          scamCentres: [{ ref: 'c', name, country: 'KH', status: 'active' }],
        }),
      });
      if (res.status !== 201) throw new Error(`report: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { entities: { id: string }[] }).entities[0]?.id as string;
    },
    { name, ownAgencyOnly },
  );
}

describe('notices (real server, three browsers)', () => {
  beforeAll(async () => {
    consoles = await openConsoles([TH_USER, HUB_USER, ID_USER], { actionTimeoutMs: 15_000 });
    ({ server, pageErrors } = consoles);
    [th, hub, idn] = consoles.pages as [Page, Page, Page];
  }, 180_000);

  afterAll(async () => {
    await consoles?.close();
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
    // Linked intelligence: searched by name, only what Thailand may read is offered.
    const seen = await reportCentre(idn, SEEN_CENTRE, false);
    await reportCentre(idn, HIDDEN_CENTRE, true);
    const picker = field(th, 'Linked intelligence entities');
    await picker.fill('Crown annex');
    const option = th.getByRole('option').filter({ hasText: SEEN_CENTRE });
    await option.waitFor();
    expect(await option.textContent()).toContain('Scam centre');
    expect(await th.getByRole('option').filter({ hasText: HIDDEN_CENTRE }).count()).toBe(0);
    await option.click();
    await th.keyboard.press('Escape');
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
    await th.getByRole('link', { name: `Entity ${seen.slice(0, 8)}…` }).waitFor();
    // Revising keeps the links (the entity shown by its name) and the subject's extras.
    await th.getByRole('link', { name: 'Revise' }).click();
    await th.getByRole('heading', { level: 1, name: 'Revise the notice' }).waitFor();
    expect(await field(th, 'Selector 1').inputValue()).toBe('+66812345678');
    expect(await field(th, 'Aliases').inputValue()).toBe('Brother Long\n陈龙');
    await th.locator('form').getByText(SEEN_CENTRE).first().waitFor();
    await th.getByRole('button', { name: 'Save draft' }).click();
    await th.getByText('Revision 2').first().waitFor();
    await th.getByText('phone:+66812345678').waitFor();
    await th.getByRole('link', { name: `Entity ${seen.slice(0, 8)}…` }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
