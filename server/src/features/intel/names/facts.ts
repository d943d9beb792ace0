import type { HitReasonCode, ReasonCode, ReasonParams } from '@cordon/contracts';
import type { Evidence, PersonFacts } from './types.ts';

const rc = (code: HitReasonCode, params: ReasonParams = {}): ReasonCode => ({ code, params });

/** Score adjustments for facts other than the name; the name similarity stays the main evidence. */
export const WEIGHTS = {
  sameDate: 0.1,
  swappedDayMonth: 0.05,
  sameMonth: 0.06,
  sameMonthDaysDiffer: 0.02,
  sameYearMonthUnknown: 0.03,
  yearsClose: -0.03,
  yearsFarPartial: -0.15,
  yearsFarFull: -0.2,
  rangeFits: 0.02,
  rangeMiss: -0.1,
  sharedNationality: 0.04,
  disjointNationality: -0.05,
  genderMismatch: -0.15,
} as const;

interface BirthDate {
  text: string;
  year: number;
  month?: number;
  day?: number;
}

export function parseBirthDate(text: string | undefined): BirthDate | undefined {
  const m = text?.trim().match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { text: m[0], year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

function compareDates(a: BirthDate, b: BirthDate): Evidence {
  const gap = Math.abs(a.year - b.year);
  const full = a.day !== undefined && b.day !== undefined;
  if (full && a.year === b.year && a.month === b.month && a.day === b.day) {
    return { adjust: WEIGHTS.sameDate, reason: rc('birth-same-date', { date: a.text }) };
  }
  if (full && a.year === b.year && a.month === b.day && a.day === b.month) {
    return {
      adjust: WEIGHTS.swappedDayMonth,
      reason: rc('birth-swapped', { dateA: a.text, dateB: b.text }),
    };
  }
  if (gap === 0) {
    if (a.month === undefined || b.month === undefined) {
      return {
        adjust: WEIGHTS.sameYearMonthUnknown,
        reason: rc('birth-same-year-month-unknown', { year: a.year }),
      };
    }
    if (a.month !== b.month) return { adjust: 0, reason: rc('birth-same-year-months-differ', { year: a.year }) };
    if (a.day === undefined || b.day === undefined) {
      return { adjust: WEIGHTS.sameMonth, reason: rc('birth-same-month', { month: a.text.slice(0, 7) }) };
    }
    return {
      adjust: WEIGHTS.sameMonthDaysDiffer,
      reason: rc('birth-same-month-days-differ', { month: a.text.slice(0, 7) }),
    };
  }
  if (gap <= 2)
    return { adjust: WEIGHTS.yearsClose, reason: rc('birth-years-close', { yearA: a.year, yearB: b.year }) };
  if (full) {
    return {
      adjust: WEIGHTS.yearsFarFull,
      conflict: rc('birth-incompatible', { dateA: a.text, dateB: b.text }),
      capAtWeak: true,
    };
  }
  return { adjust: WEIGHTS.yearsFarPartial, conflict: rc('birth-years-differ', { yearA: a.year, yearB: b.year, gap }) };
}

function compareWithRange(date: BirthDate, [low, high]: [number, number]): Evidence {
  if (date.year >= low - 1 && date.year <= high + 1) {
    return { adjust: WEIGHTS.rangeFits, reason: rc('birth-in-range', { year: date.year, low, high }) };
  }
  const gap = date.year < low ? low - date.year : date.year - high;
  if (gap <= 2) return { adjust: 0, reason: rc('birth-near-range', { year: date.year, low, high }) };
  return {
    adjust: WEIGHTS.rangeMiss,
    conflict: rc('birth-outside-range', { year: date.year, gap, low, high }),
  };
}

function compareRanges([al, ah]: [number, number], [bl, bh]: [number, number]): Evidence {
  const gap = Math.max(al, bl) - Math.min(ah, bh);
  if (gap <= 0) return { adjust: 0, reason: rc('birth-ranges-overlap', { lowA: al, highA: ah, lowB: bl, highB: bh }) };
  if (gap <= 2) return { adjust: 0, reason: rc('birth-ranges-close', { lowA: al, highA: ah, lowB: bl, highB: bh }) };
  return {
    adjust: WEIGHTS.rangeMiss / 2,
    conflict: rc('birth-ranges-disjoint', { lowA: al, highA: ah, lowB: bl, highB: bh }),
  };
}

function sortedRange(r: [number, number] | undefined): [number, number] | undefined {
  return r ? [Math.min(r[0], r[1]), Math.max(r[0], r[1])] : undefined;
}

export function birthEvidence(a: PersonFacts, b: PersonFacts): Evidence {
  const da = parseBirthDate(a.dateOfBirth);
  const db = parseBirthDate(b.dateOfBirth);
  const ra = sortedRange(a.birthYearRange);
  const rb = sortedRange(b.birthYearRange);
  if (da && db) return compareDates(da, db);
  if (da && rb) return compareWithRange(da, rb);
  if (db && ra) return compareWithRange(db, ra);
  if (ra && rb) return compareRanges(ra, rb);
  const known = da || db || ra || rb;
  return { adjust: 0, reason: rc(known ? 'birth-one-side' : 'birth-none') };
}

export function nationalityEvidence(a: PersonFacts, b: PersonFacts): Evidence | undefined {
  const na = new Set((a.nationalities ?? []).map((n) => n.trim().toUpperCase()).filter(Boolean));
  const nb = new Set((b.nationalities ?? []).map((n) => n.trim().toUpperCase()).filter(Boolean));
  if (na.size === 0 || nb.size === 0) return undefined;
  const shared = [...na].filter((n) => nb.has(n)).sort();
  if (shared.length > 0)
    return { adjust: WEIGHTS.sharedNationality, reason: rc('nationality-shared', { nationalities: shared }) };
  return {
    adjust: WEIGHTS.disjointNationality,
    conflict: rc('nationality-differ', { nationalitiesA: [...na].sort(), nationalitiesB: [...nb].sort() }),
  };
}

export function genderEvidence(a: PersonFacts, b: PersonFacts): Evidence | undefined {
  const ga = a.gender && a.gender !== 'unknown' ? a.gender : undefined;
  const gb = b.gender && b.gender !== 'unknown' ? b.gender : undefined;
  if (!ga || !gb) return undefined;
  if (ga === gb) return { adjust: 0, reason: rc('gender-same', { gender: ga }) };
  return { adjust: WEIGHTS.genderMismatch, conflict: rc('gender-differ', { genderA: ga, genderB: gb }) };
}
