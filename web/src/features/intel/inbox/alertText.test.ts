import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../app/i18n/resources.ts';
import { alertText, type Translator } from './alertText.ts';

const i18n = i18next.createInstance();
const tr = (lng: string): Translator => {
  const t = i18n.getFixedT(lng);
  return { t: (k, p) => t(k as never, p as never) as unknown as string, exists: (k) => i18n.exists(k, { lng }) };
};

beforeAll(async () => {
  await i18n.init({
    resources: {
      en: { translation: resources.en },
      fr: { translation: resources.fr },
      es: { translation: resources.es },
    },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('alertText', () => {
  const hit = {
    title: 'Hit: person "Somchai" matches a record held by NCB Manila (grade C3)',
    message: { key: 'hit.hidden', params: { kind: 'person', label: 'Somchai', agency: 'NCB Manila', grade: 'C3' } },
  };
  it('renders the message in the user’s language, the kind of thing included', () => {
    expect(alertText(tr('en'), hit)).toBe('Hit: person “Somchai” matches a record held by NCB Manila (grade C3)');
    expect(alertText(tr('fr'), hit)).toBe(
      'Concordance : la personne « Somchai » correspond à un enregistrement détenu par NCB Manila (cote C3)',
    );
    expect(alertText(tr('es'), hit)).toContain('la persona «Somchai»');
  });
  it('names a selector by itself', () => {
    const sel = {
      title: 't',
      message: {
        key: 'hit.visible',
        params: { kind: 'selector', label: '+66 81', report: 'R', agency: 'A', grade: 'B2' },
      },
    };
    expect(alertText(tr('en'), sel)).toBe('Hit: +66 81 also appears in “R” (A, B2)');
  });
  it('keeps the English title for old alerts and unknown keys', () => {
    expect(alertText(tr('fr'), { title: 'Old title', message: null })).toBe('Old title');
    expect(alertText(tr('fr'), { title: 'Future', message: { key: 'hit.somethingNew', params: {} } })).toBe('Future');
    expect(alertText(tr('fr'), { title: 'Odd', message: { key: 'what.person', params: {} } })).toBe('Odd');
  });
});
