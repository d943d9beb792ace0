import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

// Fictional subscriber numbers in real number ranges (libphonenumber checks allocated ranges).
selectorTables('phone', {
  valid: [
    ['+66 81 234 5678', 'phone:+66812345678'],
    [{ value: '081-234-5678', country: 'TH' }, 'phone:+66812345678'],
    [{ value: '081-234-5678', country: 'th' }, 'phone:+66812345678'],
    ['+66 2 123 4567', 'phone:+6621234567'],
    ['tel:+66-81-234-5678', 'phone:+66812345678'],
    ['(+66) 81-234-5678', 'phone:+66812345678'],
    ['＋６６ ８１ ２３４ ５６７８', 'phone:+66812345678'],
    ['+855 97 123 4567', 'phone:+855971234567'],
    [{ value: '097 123 4567', country: 'KH' }, 'phone:+855971234567'],
    ['+95 9 421 234 567', 'phone:+959421234567'],
    ['+856 20 5512 3456', 'phone:+8562055123456'],
    ['+63 917 123 4567', 'phone:+639171234567'],
    ['+84 91 234 56 78', 'phone:+84912345678'],
    ['+86 138 0013 8000', 'phone:+8613800138000'],
    ['+91 98765 43210', 'phone:+919876543210'],
    ['+254 712 345678', 'phone:+254712345678'],
    [{ value: '(202) 555-0143', country: 'US' }, 'phone:+12025550143'],
    [{ value: '011 66 81 234 5678', country: 'US' }, 'phone:+66812345678'],
    ['0066812345678', 'phone:+66812345678'],
  ],
  invalid: [
    [{ value: '12345', country: 'TH' }, /not a valid phone number for TH \(too short\)/],
    ['0812345678', /needs a country/],
    ['+66 81 234 56789', /not a valid phone number/],
    ['+66 81 234 5678 ext. 12', /only digits/],
    ['+66 81 234 5678abc', /only digits/],
    ['call me maybe', /only digits/],
    [{ value: '0812345678', country: 'XX' }, /no phone numbering plan known for country 'XX'/],
    ['+999 1234 5678', /not a valid phone number/],
    ['+44 7700 900123', /not a valid phone number/], // Ofcom drama range: possible, never assigned
    ['+', /not a valid phone number/],
  ],
  same: [
    [
      '+66 81 234 5678',
      { value: '0812345678', country: 'TH' },
      '+66812345678',
      '0066812345678',
      { value: '0066 81 234 5678', country: 'TH' },
      { value: '+66 81 234 5678', country: 'KH' },
      { value: '+66 81 234 5678', country: 'AQ' },
      '(+66) 81.234.5678',
    ],
    [{ value: '097 123 4567', country: 'KH' }, '+855971234567', '00855 97 123 4567'],
    // "006" is also a Thai international prefix: read literally, this would be Tokelau (+690…).
    [{ value: '0066 902205908', country: 'TH' }, '+66902205908', { value: '090 220 5908', country: 'TH' }],
  ],
  different: [
    ['+66 81 234 5678', '+66 81 234 5679', '+855 81 234 567', '+66 2 123 4567'],
    [
      { value: '081 234 5678', country: 'TH' },
      { value: '012 345 678', country: 'KH' },
    ],
  ],
});

describe('phone details', () => {
  it('knows the line type and country from the max metadata', () => {
    const mobile = normalise('phone', '+66 81 234 5678');
    expect(mobile.ok && mobile.selector.details).toEqual({ callingCode: '66', country: 'TH', type: 'mobile' });
    const fixed = normalise('phone', '+66 2 123 4567');
    expect(fixed.ok && fixed.selector.details.type).toBe('fixed-line');
  });

  it('displays the international format', () => {
    const result = normalise('phone', { value: '0812345678', country: 'TH' });
    expect(result.ok && result.selector.display).toBe('+66 81 234 5678');
  });
});
