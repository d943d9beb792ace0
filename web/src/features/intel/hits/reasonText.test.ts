import { HIT_REASON_CODES, type HitReasonCode, hitReason, type ReasonParams } from '@cordon/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../app/i18n/resources.ts';
import type { Translator } from '../inbox/alertText.ts';
import { hitReasonTexts, reasonText } from './reasonText.ts';

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

const names = { a: 'somchai wattana', b: 'somchay wattana', score: 0.9333 };
const ranges = { lowA: 1985, highA: 1990, lowB: 1993, highB: 1996 };
/** Parameters as the matchers produce them, one set per code (a new code must add one). */
const SAMPLES: Record<HitReasonCode, ReasonParams[]> = {
  'selector-same': [{ selectorKind: 'phone', label: '+66 81 234 5678' }],
  'centre-same-name': [{ country: 'KH', name: 'golden fortune' }],
  'centre-near': [{ km: 1.23, thresholdKm: 2.5 }],
  'hidden-match': [{ kind: 'scam-centre', score: 0.85 }],
  'name-identical': [{ ...names, score: 1 }],
  'name-identical-translit': [{ ...names, score: 1 }],
  'name-match': [names],
  'name-match-translit': [names],
  'name-differ': [{ ...names, score: 0.41 }],
  'name-differ-translit': [{ ...names, score: 0.41 }],
  'name-transliterated': [{ raw: 'Сомчай Ваттана', latin: 'somchai vattana' }],
  'name-surname-first': [{ raw: 'WATTANA, Somchai', latin: 'somchai wattana' }],
  'alias-first': [{ index: 1, name: 'Big Brother' }],
  'alias-second': [{ index: 2, name: 'Boss Chai' }],
  'name-reordered': [{}],
  'name-no-shared-key': [{ cap: 0.7 }],
  'part-variant': [{ a: 'somchai', b: 'somchay', score: 0.95 }],
  'part-partial': [{ a: 'wattana', b: 'vatana', score: 0.78 }],
  'part-differ': [{ a: 'wattana', b: 'preecha', score: 0.4 }],
  'only-in-first': [
    { parts: 'petrovich', count: 1 },
    { parts: 'van der', count: 2 },
  ],
  'only-in-second': [
    { parts: 'petrovich', count: 1 },
    { parts: 'van der', count: 2 },
  ],
  'no-name': [{}],
  'birth-same-date': [{ date: '1991-04-02' }],
  'birth-swapped': [{ dateA: '1991-04-02', dateB: '1991-02-04' }],
  'birth-same-year-month-unknown': [{ year: 1991 }],
  'birth-same-year-months-differ': [{ year: 1991 }],
  'birth-same-month': [{ month: '1991-04' }],
  'birth-same-month-days-differ': [{ month: '1991-04' }],
  'birth-years-close': [{ yearA: 1991, yearB: 1992 }],
  'birth-incompatible': [{ dateA: '1991-04-02', dateB: '1978-11-30' }],
  'birth-years-differ': [{ yearA: 1991, yearB: 1978, gap: 13 }],
  'birth-in-range': [{ year: 1991, low: 1988, high: 1994 }],
  'birth-near-range': [{ year: 1991, low: 1992, high: 1996 }],
  'birth-outside-range': [{ year: 1991, gap: 21, low: 1960, high: 1970 }],
  'birth-ranges-overlap': [ranges],
  'birth-ranges-close': [ranges],
  'birth-ranges-disjoint': [ranges],
  'birth-one-side': [{}],
  'birth-none': [{}],
  'verdict-capped': [{}],
  'nationality-shared': [{ nationalities: ['MM', 'TH'] }],
  'nationality-differ': [{ nationalitiesA: ['TH'], nationalitiesB: ['KH', 'VN'] }],
  'gender-same': [{ gender: 'male' }, { gender: 'female' }],
  'gender-differ': [{ genderA: 'male', genderB: 'female' }],
  'search-same-selector': [{ selectorKind: 'crypto' }],
  'search-same-name': [{}],
  'search-name-contains': [{ text: 'golden' }],
};

const cases = HIT_REASON_CODES.flatMap((code) => (SAMPLES[code] ?? []).map((params) => hitReason({ code, params })));
const lookup = (lng: 'en' | 'fr' | 'es', code: string) =>
  (resources[lng].intel.reasons as Record<string, string>)[code] ??
  (resources[lng].intel.reasons as Record<string, string>)[`${code}_other`];

describe('hit reasons', () => {
  it('has parameters to try for every code', () => {
    expect(HIT_REASON_CODES.filter((c) => !SAMPLES[c]?.length)).toEqual([]);
  });

  it.each(['en', 'fr', 'es'] as const)('has a %s label for every code and no label for an unknown code', (lng) => {
    expect(HIT_REASON_CODES.filter((c) => !lookup(lng, c))).toEqual([]);
    const labelled = Object.keys(resources[lng].intel.reasons).map((k) => k.replace(/_(one|many|other)$/, ''));
    expect([...new Set(labelled)].filter((k) => !HIT_REASON_CODES.includes(k as HitReasonCode))).toEqual([]);
  });

  it.each(cases.map((r) => [r.code, r] as const))('renders %s in English exactly as the server writes it', (_c, r) => {
    expect(reasonText(tr('en'), 'en', r)).toBe(r.text);
  });

  it.each(['fr', 'es'] as const)('renders every code in %s without English left or a placeholder unfilled', (lng) => {
    for (const r of cases) {
      const text = reasonText(tr(lng), lng, r);
      expect(text, r.code).not.toBe(r.text);
      expect(text, r.code).not.toMatch(/\{\{|undefined/);
    }
  });

  it('formats numbers, dates, countries and values for the language', () => {
    const fr = tr('fr');
    const r = (code: HitReasonCode, params: ReasonParams) => reasonText(fr, 'fr', hitReason({ code, params }));
    expect(r('centre-near', { km: 1.234, thresholdKm: 2.5 })).toBe('à 1,23 km l’un de l’autre (seuil\u00a0: 2,5 km)');
    expect(r('birth-same-date', { date: '1991-04-02' })).toBe('même date de naissance\u00a0: 2 avril 1991');
    expect(r('birth-same-month', { month: '1991-04' })).toBe('même mois de naissance\u00a0: avril 1991');
    expect(r('centre-same-name', { country: 'KH', name: 'golden fortune' })).toBe(
      'même nom ou alias «\u00a0golden fortune\u00a0», pays\u00a0: Cambodge',
    );
    expect(r('gender-differ', { genderA: 'male', genderB: 'female' })).toBe(
      'conflit\u00a0: sexe différent\u00a0: masculin / féminin',
    );
    expect(r('selector-same', { selectorKind: 'phone', label: '+66812345678' })).toBe(
      'même numéro de téléphone\u00a0: +66812345678',
    );
    expect(reasonText(tr('es'), 'es', hitReason({ code: 'birth-same-date', params: { date: '1991-04-02' } }))).toBe(
      'misma fecha de nacimiento: 2 de abril de 1991',
    );
  });

  it('shows the English text of a hit stored before codes, and of a code the console does not know', () => {
    expect(hitReasonTexts(tr('fr'), 'fr', { reasons: ['same phone: +66812345678'], reasonCodes: [] })).toEqual([
      'same phone: +66812345678',
    ]);
    const future = { code: 'tattoo-match', params: {}, conflict: false, text: 'same tattoo' };
    expect(reasonText(tr('fr'), 'fr', future)).toBe('same tattoo');
  });
});
