import { OPERATION_STATUSES } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { canMove, summaryText, targetKindOfSelector } from './lifecycle.ts';

describe('operation lifecycle', () => {
  it('allows exactly planning → active → concluded → archived', () => {
    const legal: string[] = [];
    for (const from of OPERATION_STATUSES)
      for (const to of OPERATION_STATUSES) if (canMove(from, to)) legal.push(`${from}>${to}`);
    expect(legal).toEqual(['planning>active', 'active>concluded', 'concluded>archived']);
  });
  it('calls IBANs, bank accounts and wallets accounts', () => {
    expect(targetKindOfSelector('iban')).toBe('account');
    expect(targetKindOfSelector('crypto')).toBe('account');
    expect(targetKindOfSelector('phone')).toBe('selector');
  });
  it('writes numbers only', () => {
    expect(
      summaryText({
        countries: 2,
        arrests: 2500,
        victimsRescued: 10,
        centresRaided: 1,
        devicesSeized: 0,
        accountsBlocked: 3,
        assets: [{ currency: 'USD', frozen: '10.00', seized: '0.00' }],
      }),
    ).toBe(
      '2 countries, 2,500 arrests, 10 victims rescued, 1 scam centres raided, 0 devices seized, 3 accounts blocked, USD 10.00 frozen and 0.00 seized.',
    );
  });
});

describe('ISO numeric codes for the results map', () => {
  it('maps alpha-2 to the zero-padded numeric code', async () => {
    const { isoNumeric } = await import('./iso-numeric.ts');
    expect(isoNumeric('TH')).toBe('764');
    expect(isoNumeric('AF')).toBe('004');
    expect(isoNumeric('ZZ')).toBeNull();
  });
});
