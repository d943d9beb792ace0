import { describe, expect, it } from 'vitest';
import { normaliseSelector } from '../intel/selectors/index.ts';
import { canonicalAccount } from './accounts.ts';

describe('canonical accounts', () => {
  it('keys accounts exactly like intelligence selectors', () => {
    const iban = canonicalAccount({ type: 'iban', value: 'de89 3704 0044 0532 0130 00' });
    const sel = normaliseSelector({ kind: 'iban', value: 'DE89370400440532013000' });
    expect(iban.ok && sel.ok && iban.account.key === sel.selector.key).toBe(true);
    const tron = canonicalAccount({ type: 'crypto', value: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL' });
    expect(tron).toMatchObject({
      ok: true,
      account: { key: 'crypto:tron:TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', chain: 'tron' },
    });
    const bank = canonicalAccount({ type: 'bank-account', value: '123-4-56789-0', country: 'th', bank: 'KASITHBKXXX' });
    expect(bank).toMatchObject({ ok: true, account: { key: 'bank-account:TH:KASITHBK:1234567890', country: 'TH' } });
  });

  it('keys e-wallets by provider, with phone ids in canonical form', () => {
    const a = canonicalAccount({ type: 'ewallet', provider: 'GCash', value: '0917 123 4567', country: 'PH' });
    const b = canonicalAccount({ type: 'ewallet', provider: 'gcash', value: '+63 917 123 4567' });
    expect(a.ok && b.ok && a.account.key === b.account.key).toBe(true);
    expect(a).toMatchObject({ ok: true, account: { key: 'ewallet:gcash:+639171234567' } });
  });

  it('refuses invalid IBANs and addresses naming the field', () => {
    expect(canonicalAccount({ type: 'iban', value: 'DE89370400440532013001' })).toMatchObject({
      ok: false,
      field: 'value',
    });
    expect(canonicalAccount({ type: 'crypto', value: '0xnothex' })).toMatchObject({ ok: false, field: 'value' });
    expect(canonicalAccount({ type: 'crypto', value: 'abc', chain: 'solana' })).toMatchObject({
      ok: false,
      field: 'chain',
    });
    expect(canonicalAccount({ type: 'ewallet', value: 'x' })).toMatchObject({ ok: false, field: 'provider' });
  });
});
