import { describe, expect, it } from 'vitest';
import { selectorRowOfKey, toDetails, toForm, toSelectorRefs } from './fields.ts';

describe('notice form fields', () => {
  it('turns form text into a type’s details, leaving empty fields out', () => {
    expect(
      toDetails('red', {
        'subject.name': ' Chen Long ',
        'subject.nationalities': 'cn, mm',
        charges: 'Trafficking',
        warrantReference: '',
      }),
    ).toEqual({ subject: { name: 'Chen Long', nationalities: ['CN', 'MM'] }, charges: 'Trafficking' });
    expect(toDetails('purple', { objects: 'SIM boxes\n\nRouters ' })).toEqual({ objects: ['SIM boxes', 'Routers'] });
    expect(toDetails('yellow', { familyConsent: 'true' })).toEqual({ familyConsent: true });
  });
  it('round-trips details through the form', () => {
    const d = { subject: { name: 'A B', nationalities: ['TH'] }, countriesAtRisk: ['TH', 'MM'] };
    expect(toForm(d)).toEqual({
      'subject.name': 'A B',
      'subject.nationalities': 'TH',
      'subject.dateOfBirth': '',
      'subject.aliases': '',
      'subject.sex': '',
      'subject.description': '',
      countriesAtRisk: 'TH, MM',
    });
    const full = {
      subject: {
        name: 'Chen Long',
        aliases: ['Brother Long', '陈龙'],
        nationalities: ['CN'],
        dateOfBirth: '1980-02-03',
        sex: 'M',
        description: 'Scar on the left hand',
      },
      charges: 'Trafficking',
    };
    expect(toDetails('red', toForm(full))).toEqual(full);
  });
  it('turns selector rows into API selectors and stored keys back into rows', () => {
    expect(
      toSelectorRefs([
        { kind: 'phone', value: ' 081 234 5678 ', country: 'th' },
        { kind: 'email', value: '  ', country: '' },
      ]),
    ).toEqual([{ kind: 'phone', value: '081 234 5678', country: 'TH' }]);
    expect(selectorRowOfKey('phone:+66812345678')).toEqual({ kind: 'phone', country: '', value: '+66812345678' });
    expect(selectorRowOfKey('passport:TH:AA1234567')).toEqual({ kind: 'passport', country: 'TH', value: 'AA1234567' });
    expect(selectorRowOfKey('bank-account:TH:004:1234567890')).toEqual({
      kind: 'bank-account',
      country: 'TH',
      value: '1234567890',
      bank: '004',
    });
    expect(selectorRowOfKey('bank-account:TH:-:123')).toEqual({ kind: 'bank-account', country: 'TH', value: '123' });
    expect(selectorRowOfKey('handle:telegram:boss_x')).toEqual({
      kind: 'handle',
      country: '',
      value: 'boss_x',
      platform: 'telegram',
    });
    expect(selectorRowOfKey('nonsense')).toBeNull();
    expect(selectorRowOfKey('martian:x')).toBeNull();
  });
});
