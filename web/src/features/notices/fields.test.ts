import { describe, expect, it } from 'vitest';
import { toDetails, toForm } from './fields.ts';

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
      countriesAtRisk: 'TH, MM',
    });
  });
});
