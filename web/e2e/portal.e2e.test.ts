import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousAxeViolations } from './support/browser.ts';
import { ensureWebBuilt } from './support/build.ts';
import { type RunningServer, sleep, startServer } from './support/server.ts';
import { signIn } from './support/session.ts';

/**
 * The public portal, end to end: a job seeker in Indonesia (browser in Indonesian, 390 px phone)
 * checks an ad and sees each reason in Indonesian; switches the language; a visitor files a scam
 * report and gets a reference and a private link; the Philippine analyst finds it in the triage
 * queue of the console. No request leaves the server's origin; axe finds no serious violation.
 */
let server: RunningServer;
let browser: Browser;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

async function open(opts: { width: number; locale: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: opts.width, height: 900 }, locale: opts.locale });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.baseUrl) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  return page;
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(150);
  await screenshot(page, name, true);
}

const AD_ID =
  'Lowongan kerja customer service tanpa pengalaman, gaji 25 juta per bulan. Tiket pesawat gratis ke Kamboja (Sihanoukville). Paspor diserahkan ke perusahaan saat tiba. Hubungi HRD lewat Telegram @hr_golden_jobs.';

describe('public portal', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    // The demo world loads on first start: slow on a shared, loaded machine.
    server = await startServer(300_000);
    browser = await launchBrowser();
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('checks a job offer on a 390 px phone in Indonesian, with the reasons in Indonesian', async () => {
    const page = await open({ width: 390, locale: 'id-ID' });
    await page.goto(`${server.baseUrl}/`);
    await page
      .getByRole('heading', { level: 1, name: 'Apakah tawaran ini asli? Periksa sebelum berangkat.' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    // The demo campaign for Indonesia is shown in Indonesian.
    await page.getByText('Kerja di luar negeri, tiket gratis, tanpa pengalaman?').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'portal-home-390-id');
    await page.getByRole('navigation').getByRole('link', { name: 'Periksa tawaran kerja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Periksa tawaran kerja' }).waitFor();
    await page.getByRole('textbox', { name: 'Iklan lowongan atau pesan perekrut' }).fill(AD_ID);
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    const risk = page.getByTestId('risk');
    await risk.waitFor();
    expect(await risk.textContent()).toContain('Risiko tinggi');
    const reasons = page.getByTestId('reasons');
    await expect.poll(() => reasons.textContent()).toContain('Anda diminta menyerahkan paspor');
    const text = (await reasons.textContent()) ?? '';
    expect(text).toContain('daftar peringatan'); // @hr_golden_jobs is on the demo TLP:CLEAR list
    expect(text.toLowerCase()).toContain('kamboja');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'portal-check-job-390-id');
    await page.context().close();
  });

  it('switches language with the selector (and the address keeps the choice)', async () => {
    const page = await open({ width: 1280, locale: 'en-US' });
    await page.goto(`${server.baseUrl}/check-message`);
    await page.getByRole('heading', { level: 1, name: 'Check a message' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra tin nhắn' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(page.url()).toContain('lang=vi');
    for (const [lang, heading] of [
      ['th', 'ตรวจสอบข้อความ'],
      ['zh-Hans', '检查一条信息'],
      ['hi', 'संदेश की जाँच करें'],
      ['fil', 'Suriin ang isang mensahe'],
    ] as const) {
      await page.getByRole('combobox').first().selectOption(lang);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('files a scam report, gives a reference and a private link, and the agency finds it in triage', async () => {
    const page = await open({ width: 1280, locale: 'en-US' });
    await page.goto(`${server.baseUrl}/report-scam`);
    await page.getByRole('heading', { level: 1, name: 'Report a scam' }).waitFor();
    await page.getByRole('combobox', { name: /^Your country/ }).selectOption('PH');
    await page.getByRole('combobox', { name: 'How did they contact you?' }).selectOption('messaging-app');
    await page
      .getByRole('textbox', { name: /^What happened\?/ })
      .fill(
        'A recruiter on WhatsApp promised my cousin a hotel job in Dubai but sent him to Cambodia. We paid 30,000 pesos for the visa (e2e).',
      );
    await page.getByRole('textbox', { name: 'Value 1' }).fill('+63 917 555 0123');
    await page.getByRole('textbox', { name: 'Amount lost' }).fill('30000');
    await page.getByRole('combobox', { name: 'Currency' }).selectOption('PHP');
    await page.getByRole('textbox', { name: /^How can an officer contact you\?/ }).fill('cousin.e2e@example.org');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'portal-report-1280');
    await page.getByRole('button', { name: 'Send' }).click();
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    expect(reference).toMatch(/^CRD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const link = (await page.getByTestId('private-link').textContent()) ?? '';
    expect(link).toContain(`/follow-up#ref=${reference}&token=prt_`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'portal-receipt-1280');

    // The private link: status, and more information.
    await page.goto(link);
    await page.getByText('Received, waiting for review').waitFor();
    await page.getByRole('textbox', { name: 'Add information' }).fill('The recruiter also used +63 917 555 0456.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you, your information was added.').waitFor();
    await page.context().close();

    // The Philippine analyst's triage queue.
    const officer = await open({ width: 1280, locale: 'en-US' });
    await signIn(officer, server.baseUrl, 'analyst@ph.cordon.example');
    await officer.goto(`${server.baseUrl}/console/awareness`);
    await officer.getByRole('heading', { level: 1, name: 'Public reports' }).waitFor();
    const item = officer.locator(`[data-reference="${reference}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('cousin.e2e@example.org');
    expect(await item.textContent()).toContain('+63 917 555 0456');
    expect(await seriousAxeViolations(officer)).toEqual([]);
    await shot(officer, 'console-triage-1280');
    await item.getByRole('button', { name: 'Verify and create an intelligence report' }).click();
    await officer.locator(`[data-reference="${reference}"]`).waitFor({ state: 'detached' });
    await officer.context().close();
  });

  it("reports a missing relative on a 375 px phone, with the reporter's relation, and triage shows it", async () => {
    const page = await open({ width: 375, locale: 'en-US' });
    await page.goto(`${server.baseUrl}/report-relative`);
    await page.getByRole('heading', { level: 1, name: 'Report a missing relative' }).waitFor();
    await page.getByRole('combobox', { name: /^Your country/ }).selectOption('PH');
    await page.getByRole('textbox', { name: /^Their name/ }).fill('Ramon Dela Cruz (e2e)');
    await page.getByRole('textbox', { name: /^Your relation to them/ }).fill('older sister');
    await page.getByRole('textbox', { name: /^Last known place/ }).fill('Shwe Kokko, Myanmar');
    await page
      .getByRole('textbox', { name: /^What do you know\?/ })
      .fill('He left for a casino job in Bangkok in May; his last message said they took his passport (e2e).');
    await page.getByRole('textbox', { name: /^How can we contact you\?/ }).fill('sister.e2e@example.org');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'portal-relative-filled-375');
    await page.getByRole('button', { name: 'Send' }).click();
    const reference = (await page.getByTestId('reference').textContent()) ?? '';
    expect(reference).toMatch(/^CRD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.context().close();

    const officer = await open({ width: 1280, locale: 'en-US' });
    await signIn(officer, server.baseUrl, 'analyst@ph.cordon.example');
    await officer.goto(`${server.baseUrl}/console/awareness`);
    const item = officer.locator(`[data-reference="${reference}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain("Reporter's relation: older sister");
    await officer.context().close();
  });

  it('shows the agency its campaigns with the reach counted from the portal (no visitor tracked)', async () => {
    // A visitor in Indonesia sees the campaign on the portal's home page: one view counted.
    const visitor = await open({ width: 390, locale: 'id-ID' });
    await visitor.goto(`${server.baseUrl}/`);
    await visitor.getByText('Kerja di luar negeri, tiket gratis, tanpa pengalaman?').waitFor();
    await sleep(500);
    await visitor.context().close();
    for (const width of [1280, 375]) {
      const page = await open({ width, locale: 'en-US' });
      await signIn(page, server.baseUrl, 'analyst@id.cordon.example');
      await page.goto(`${server.baseUrl}/console/awareness/campaigns`);
      await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Safe work abroad (Indonesia)' }).waitFor();
      await page
        .getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ })
        .first()
        .waitFor();
      expect(await page.getByText(/^Views: [1-9]/).count()).toBeGreaterThan(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, `console-campaigns-${width}`);
      await page.context().close();
    }
  });

  it('lets an agency edit, end and delete its campaigns (1280 and 375 px)', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const page = await open({ width: 1280, locale: 'en-US' });
    await signIn(page, server.baseUrl, 'caseworker@ph.cordon.example');
    await page.goto(`${server.baseUrl}/console/awareness/campaigns`);
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    const card = (name: string) =>
      page.locator('.mantine-Card-root', { has: page.getByRole('heading', { level: 2, name, exact: true }) });
    async function create(code: string, name: string) {
      await page.getByRole('textbox', { name: /^Code/ }).fill(code);
      await page.getByRole('textbox', { name: /^Name/ }).fill(name);
      await page.getByRole('textbox', { name: /^Target countries/ }).fill('PH');
      await page.getByLabel(/^Starts on/).fill(day(0));
      await page.getByLabel(/^Ends on/).fill(day(30));
      await page.getByRole('textbox', { name: 'Title (en)' }).fill('Check the job before you travel');
      await page.getByRole('textbox', { name: 'Message (en)' }).fill('Free flights to Cambodia? Ask us first.');
      await page.getByRole('button', { name: 'Create campaign' }).click();
      await card(name).waitFor();
    }
    await create('e2e-ph-one', 'E2E campaign one');
    await create('e2e-ph-two', 'E2E campaign two');
    expect(await card('E2E campaign one').getByText('Active', { exact: true }).count()).toBe(1);

    // Edit: the code and (started) the start date are read-only.
    await card('E2E campaign one').getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('E2E campaign renamed');
    expect(await dialog.getByRole('textbox', { name: /^Code/ }).getAttribute('readonly')).not.toBeNull();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'console-campaign-edit-1280');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await card('E2E campaign renamed').waitFor();

    // End now: the badge says so, and it can no longer be edited.
    await card('E2E campaign renamed').getByRole('button', { name: 'End now' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End now' }).click();
    await card('E2E campaign renamed').getByText('Ended', { exact: true }).waitFor();
    expect(await card('E2E campaign renamed').getByRole('button', { name: 'Edit' }).count()).toBe(0);

    // Delete: only offered while nothing was counted.
    await card('E2E campaign two').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await card('E2E campaign two').waitFor({ state: 'detached' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, 'console-campaigns-actions-1280');
    await page.context().close();

    const phone = await open({ width: 375, locale: 'en-US' });
    await signIn(phone, server.baseUrl, 'caseworker@ph.cordon.example');
    await phone.goto(`${server.baseUrl}/console/awareness/campaigns`);
    await phone.getByRole('heading', { level: 2, name: 'E2E campaign renamed' }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await shot(phone, 'console-campaigns-actions-375');
    await phone.context().close();
  }, 180_000);

  it('lets an agency add, edit and remove its support-directory entries, shown on the portal (1280 and 375 px)', async () => {
    for (const width of [1280, 375]) {
      const name = `E2E hotline ${width}`;
      const page = await open({ width, locale: 'en-US' });
      await signIn(page, server.baseUrl, 'caseworker@ph.cordon.example');
      await page.goto(`${server.baseUrl}/console/awareness/directory`);
      await page.getByRole('heading', { level: 1, name: 'Support directory' }).waitFor();
      // Entries of others (here the demo ones) are shown, not editable.
      await page.getByText('Maintained by another agency').first().waitFor();
      await page.getByRole('textbox', { name: /^Name/ }).fill(name);
      await page.getByRole('textbox', { name: /^Phone/ }).fill('+63 2 8888 1343');
      await page.getByRole('textbox', { name: /^Web address/ }).fill('https://example.org/e2e');
      await page.getByRole('textbox', { name: /^Languages/ }).fill('fil, en');
      await page.getByRole('button', { name: 'Add entry' }).click();
      const entry = (n: string) => page.locator(`[data-entry="${n}"]`);
      await entry(name).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, `console-directory-${width}`);

      await entry(name).getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: /^Name/ }).fill(`${name} (24 h)`);
      await dialog.getByRole('textbox', { name: /^Notes/ }).fill('Open day and night.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `console-directory-edit-${width}`);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await entry(`${name} (24 h)`).getByText('Open day and night.').waitFor();

      // The portal's help page shows it.
      const visitor = await open({ width, locale: 'en-US' });
      await visitor.goto(`${server.baseUrl}/help`);
      await visitor.getByText(`${name} (24 h)`).waitFor();
      await visitor.context().close();

      await entry(`${name} (24 h)`).getByRole('button', { name: 'Remove' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await entry(`${name} (24 h)`).waitFor({ state: 'detached' });
      await page.context().close();
    }
  }, 180_000);

  it('lays out at 375 and 1280 px (screenshots of the other pages) with no third-party request', async () => {
    for (const width of [375, 1280]) {
      const page = await open({ width, locale: 'en-US' });
      for (const path of ['/help', '/report-relative', '/privacy']) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await sleep(300);
        expect(await seriousAxeViolations(page), path).toEqual([]);
        await shot(page, `portal${path.replace('/', '-')}-${width}`);
      }
      await page.context().close();
    }
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
