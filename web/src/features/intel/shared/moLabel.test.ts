import { describe, expect, it } from 'vitest';
import { moLabel } from './moLabel.ts';

describe('moLabel', () => {
  const tag = { label: 'Voice phishing', labels: { fr: 'Hameçonnage vocal', es: '  ' } };
  it('uses the translation of the language, region ignored', () => {
    expect(moLabel(tag, 'fr')).toBe('Hameçonnage vocal');
    expect(moLabel(tag, 'fr-CA')).toBe('Hameçonnage vocal');
  });
  it('falls back to English where there is no (or a blank) translation', () => {
    expect(moLabel(tag, 'es')).toBe('Voice phishing');
    expect(moLabel({ label: 'Loan scam' }, 'fr')).toBe('Loan scam');
    expect(moLabel(tag, 'en')).toBe('Voice phishing');
    expect(moLabel(tag, undefined)).toBe('Voice phishing');
  });
});
