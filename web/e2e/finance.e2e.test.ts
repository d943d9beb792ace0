import type { Transaction } from '@cordon/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from './support/browser.ts';
import { bothWidths, type Consoles, h1, openArea, openConsoles } from './support/consoles.ts';
import type { RunningServer } from './support/server.ts';

/**
 * Criminal finance, end to end on the demo world: FIU Thailand traces a victim's payment from a
 * collection wallet through mules to an exchange, sees the flow, and sends an urgent freeze request
 * to FIU Philippines; the Philippine console, left open on its freeze board, receives it live and
 * acknowledges it; the Thai board shows the acknowledgement live.
 */
const TH_USER = 'finance@fiu-th.cordon.example';
const PH_USER = 'finance@fiu-ph.cordon.example';
const CASE = 'TH-E2E-77';
const DRAFT_CASE = 'TH-E2E-78';

let consoles: Consoles;
let server: RunningServer;
let thContext: BrowserContext;
let th: Page;
let ph: Page;
let pageErrors: string[];
let paymentId = '';

describe('criminal finance (real server, two browsers)', () => {
  beforeAll(async () => {
    consoles = await openConsoles([TH_USER, PH_USER], { serverTimeoutMs: 240_000, actionTimeoutMs: 20_000 });
    ({ server, pageErrors } = consoles);
    [thContext] = consoles.contexts as [BrowserContext];
    [th, ph] = consoles.pages as [Page, Page];
  }, 300_000);

  afterAll(async () => {
    await consoles?.close();
  }, 30_000);

  it('lists accounts and ranked detections', async () => {
    await openArea(th, /^Finance/);
    await h1(th, 'Accounts and wallets').waitFor();
    await th.getByTestId('finance-accounts').waitFor();
    await th.getByTestId('finance-detections').getByText('Collection account').first().waitFor();
    await bothWidths(th, 'finance-accounts');
    await th.getByTestId('finance-accounts').getByRole('link').first().click();
    await th.getByRole('heading', { level: 2, name: 'Transactions I may read' }).waitFor();
    // Every account in the list has transfers behind it (or a tag of the agency).
    await th
      .getByRole('table', { name: 'Transactions I may read' })
      .or(th.getByRole('table').last())
      .getByRole('row')
      .nth(1)
      .waitFor();
    await bothWidths(th, 'finance-account');
  });

  it('keeps the Philippine freeze board open and live', async () => {
    await ph.goto(`${server.baseUrl}/console/`);
    await ph.getByTestId('live-state').getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
    await openArea(ph, /^Finance/);
    await ph
      .getByRole('navigation', { name: 'Finance sections' })
      .getByRole('link', { name: 'Freeze requests' })
      .click();
    await h1(ph, 'Urgent freeze requests').waitFor();
    // The demo's requests under way: one sent, counting down.
    await ph.getByTestId('freeze-board-active').waitFor();
  });

  it('traces a victim payment to an exchange and shows the flow', async () => {
    // The first victim payment into a demo collection wallet (FIFO: its money leaves first).
    // A demo collection wallet, as the detectors rank it (the account list is capped at 200).
    const detections = (await (await thContext.request.get(`${server.baseUrl}/api/finance/detections`)).json()) as {
      kind: string;
      key: string;
      accountId: string;
    }[];
    const collection = detections.find((d) => d.kind === 'collection' && d.key.startsWith('crypto:'));
    expect(collection).toBeDefined();
    const detail = (await (
      await thContext.request.get(`${server.baseUrl}/api/finance/accounts/${collection?.accountId}`)
    ).json()) as {
      transactions: Transaction[];
    };
    const payment = detail.transactions.filter((t) => t.victimRef !== null).at(-1);
    expect(payment).toBeDefined();
    paymentId = payment?.id ?? '';
    await th.goto(`${server.baseUrl}/console/finance/trace?tx=${payment?.id}`);
    await h1(th, 'Follow the money').waitFor();
    await th.getByTestId('finance-sankey').waitFor();
    const exchangeRow = th
      .getByTestId('trace-holdings')
      .getByRole('row')
      .filter({ hasText: 'Exchange' })
      .filter({ has: th.getByRole('button', { name: /^Request freeze: / }) });
    await exchangeRow.first().waitFor();
    await bothWidths(th, 'finance-trace');
    await exchangeRow
      .first()
      .getByRole('button', { name: /^Request freeze: / })
      .click();
  });

  it('sends a freeze request that the Philippine console receives live and acknowledges', async () => {
    const dialog = th.getByRole('dialog', { name: 'Urgent freeze request' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: "Agency of the account's jurisdiction" }).click();
    await th.getByRole('option', { name: /^Financial Intelligence Unit of the Philippines/ }).click();
    await dialog.getByRole('textbox', { name: 'Legal basis' }).fill('Urgent payment stop, I-GRIP; MLA treaty art. 7');
    await dialog.getByRole('textbox', { name: 'Case reference' }).fill(CASE);
    expect(await seriousAxeViolations(th)).toEqual([]);
    await screenshot(th, 'finance-freeze-request-desktop');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await h1(th, 'Urgent freeze requests').waitFor();

    // Live on the other side: no reload.
    await ph.getByTestId('freeze-live').getByText(`Request ${CASE} is now: Sent`).waitFor();
    const card = ph.getByTestId('freeze-card').filter({ hasText: CASE });
    await card.waitFor();
    expect(await card.getAttribute('data-state')).toBe('sent');
    await bothWidths(ph, 'finance-freezes');
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await ph
      .getByTestId('freeze-card')
      .filter({ hasText: CASE })
      .and(ph.locator('[data-state="acknowledged"]'))
      .waitFor();

    // And back to Thailand, live.
    await th.getByTestId('freeze-live').getByText(`Request ${CASE} is now: Acknowledged`).waitFor();
    await th
      .getByTestId('freeze-card')
      .filter({ hasText: CASE })
      .and(th.locator('[data-state="acknowledged"]'))
      .waitFor();
  });

  it('shows the ledger balances derived from the entries', async () => {
    await th.getByRole('navigation', { name: 'Finance sections' }).getByRole('link', { name: 'Asset ledger' }).click();
    await h1(th, 'Asset ledger').waitFor();
    await th
      .getByTestId('ledger-balances')
      .getByText(/^TH-2026-0042\//)
      .first()
      .waitFor();
    await bothWidths(th, 'finance-ledger');
    expect(pageErrors).toEqual([]);
  });

  it('saves a freeze request as a draft, edits it, and sends it later; the other side sees it only then', async () => {
    await th.goto(`${server.baseUrl}/console/finance/trace?tx=${paymentId}`);
    await h1(th, 'Follow the money').waitFor();
    await th
      .getByTestId('trace-holdings')
      .getByRole('row')
      .filter({ hasText: 'Exchange' })
      .getByRole('button', { name: /^Request freeze: / })
      .first()
      .click();
    const dialog = th.getByRole('dialog', { name: 'Urgent freeze request' });
    await dialog.getByRole('textbox', { name: "Agency of the account's jurisdiction" }).click();
    await th.getByRole('option', { name: /^Financial Intelligence Unit of the Philippines/ }).click();
    await dialog.getByRole('textbox', { name: 'Legal basis' }).fill('To be confirmed by the prosecutor');
    await dialog.getByRole('textbox', { name: 'Case reference' }).fill(DRAFT_CASE);
    await dialog.getByRole('button', { name: 'Save as draft' }).click();
    await h1(th, 'Urgent freeze requests').waitFor();
    const card = th.getByTestId('freeze-card').filter({ hasText: DRAFT_CASE });
    await card.and(th.locator('[data-state="draft"]')).waitFor();
    await card.getByText(/^Our draft, not sent · /).waitFor();
    // Not sent: the Philippine board does not list it.
    expect(await ph.getByTestId('freeze-card').filter({ hasText: DRAFT_CASE }).count()).toBe(0);
    await card.getByRole('textbox', { name: 'Legal basis' }).fill('Urgent payment stop, I-GRIP; MLA treaty art. 7');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('Urgent payment stop, I-GRIP; MLA treaty art. 7', { exact: true }).first().waitFor();
    await bothWidths(th, 'finance-freeze-draft');
    await card.getByRole('button', { name: 'Send now' }).click();
    await th
      .getByTestId('freeze-card')
      .filter({ hasText: DRAFT_CASE })
      .and(th.locator('[data-state="sent"]'))
      .waitFor();
    await ph.getByTestId('freeze-live').getByText(`Request ${DRAFT_CASE} is now: Sent`).waitFor();
    await ph
      .getByTestId('freeze-card')
      .filter({ hasText: DRAFT_CASE })
      .and(ph.locator('[data-state="sent"]'))
      .waitFor();
  });

  it('lists USD rates, adds one and imports a CSV of rates', async () => {
    await th.getByRole('navigation', { name: 'Finance sections' }).getByRole('link', { name: 'USD rates' }).click();
    await h1(th, 'USD rates').waitFor();
    await th.getByTestId('finance-rates').getByRole('row').nth(1).waitFor();
    await th.getByRole('textbox', { name: /^Currency or token/ }).fill('BTC');
    await th.getByLabel(/^Valid from/).fill('2026-11-01');
    await th.getByRole('textbox', { name: /^USD per unit/ }).fill('91000.5');
    await th.getByRole('button', { name: 'Save rate' }).click();
    await th.getByRole('status').getByText('1 rate stored.').waitFor();
    await th
      .getByTestId('finance-rates')
      .getByRole('row')
      .filter({ hasText: '2026-11-01' })
      .filter({ hasText: '91000.5' })
      .waitFor();
    await th.locator('input[type="file"]').setInputFiles({
      name: 'rates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('currency,valid_from,usd\nETH,2026-11-01,3100.25\nTRX,2026-11-01,0.21\n'),
    });
    await th.getByRole('status').getByText('2 rates stored.').waitFor();
    await th.getByRole('textbox', { name: 'Filter by currency or token' }).fill('trx');
    await th.getByTestId('finance-rates').getByRole('row').filter({ hasText: '0.21' }).waitFor();
    await th.getByRole('textbox', { name: 'Filter by currency or token' }).fill('');
    await bothWidths(th, 'finance-rates');
    expect(pageErrors).toEqual([]);
  });
});
