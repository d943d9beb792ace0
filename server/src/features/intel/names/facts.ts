import type { Evidence, PersonFacts } from './types.ts';

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
    return { adjust: WEIGHTS.sameDate, reason: `same date of birth ${a.text}` };
  }
  if (full && a.year === b.year && a.month === b.day && a.day === b.month) {
    return {
      adjust: WEIGHTS.swappedDayMonth,
      reason: `dates of birth ${a.text} and ${b.text} match with day and month swapped`,
    };
  }
  if (gap === 0) {
    if (a.month === undefined || b.month === undefined) {
      return {
        adjust: WEIGHTS.sameYearMonthUnknown,
        reason: `same year of birth ${a.year} (month unknown on one side)`,
      };
    }
    if (a.month !== b.month) return { adjust: 0, reason: `same year of birth ${a.year}, months differ` };
    if (a.day === undefined || b.day === undefined) {
      return { adjust: WEIGHTS.sameMonth, reason: `same year and month of birth ${a.text.slice(0, 7)}` };
    }
    return {
      adjust: WEIGHTS.sameMonthDaysDiffer,
      reason: `same year and month of birth ${a.text.slice(0, 7)}, days differ`,
    };
  }
  if (gap <= 2) return { adjust: WEIGHTS.yearsClose, reason: `years of birth ${a.year} and ${b.year} are close` };
  if (full) {
    return {
      adjust: WEIGHTS.yearsFarFull,
      conflict: `dates of birth ${a.text} and ${b.text} are incompatible`,
      capAtWeak: true,
    };
  }
  return { adjust: WEIGHTS.yearsFarPartial, conflict: `years of birth ${a.year} and ${b.year} differ by ${gap} years` };
}

function compareWithRange(date: BirthDate, [low, high]: [number, number]): Evidence {
  const range = `${low}–${high}`;
  if (date.year >= low - 1 && date.year <= high + 1) {
    return { adjust: WEIGHTS.rangeFits, reason: `year of birth ${date.year} fits the estimated birth years ${range}` };
  }
  const gap = date.year < low ? low - date.year : date.year - high;
  if (gap <= 2)
    return { adjust: 0, reason: `year of birth ${date.year} is just outside the estimated birth years ${range}` };
  return {
    adjust: WEIGHTS.rangeMiss,
    conflict: `year of birth ${date.year} is ${gap} years outside the estimated birth years ${range}`,
  };
}

function compareRanges([al, ah]: [number, number], [bl, bh]: [number, number]): Evidence {
  const gap = Math.max(al, bl) - Math.min(ah, bh);
  if (gap <= 0) return { adjust: 0, reason: `estimated years of birth overlap (${al}–${ah}, ${bl}–${bh})` };
  if (gap <= 2) return { adjust: 0, reason: `estimated years of birth are close (${al}–${ah}, ${bl}–${bh})` };
  return {
    adjust: WEIGHTS.rangeMiss / 2,
    conflict: `estimated years of birth ${al}–${ah} and ${bl}–${bh} do not overlap`,
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
  return { adjust: 0, reason: known ? 'birth date known on one side only' : 'no birth date to compare' };
}

export function nationalityEvidence(a: PersonFacts, b: PersonFacts): Evidence | undefined {
  const na = new Set((a.nationalities ?? []).map((n) => n.trim().toUpperCase()).filter(Boolean));
  const nb = new Set((b.nationalities ?? []).map((n) => n.trim().toUpperCase()).filter(Boolean));
  if (na.size === 0 || nb.size === 0) return undefined;
  const shared = [...na].filter((n) => nb.has(n)).sort();
  if (shared.length > 0)
    return { adjust: WEIGHTS.sharedNationality, reason: `nationality ${shared.join(', ')} in both` };
  return {
    adjust: WEIGHTS.disjointNationality,
    conflict: `nationalities differ: ${[...na].sort().join(', ')} vs ${[...nb].sort().join(', ')} (not decisive: dual nationals, forged documents)`,
  };
}

export function genderEvidence(a: PersonFacts, b: PersonFacts): Evidence | undefined {
  const ga = a.gender && a.gender !== 'unknown' ? a.gender : undefined;
  const gb = b.gender && b.gender !== 'unknown' ? b.gender : undefined;
  if (!ga || !gb) return undefined;
  if (ga === gb) return { adjust: 0, reason: `same gender (${ga})` };
  return { adjust: WEIGHTS.genderMismatch, conflict: `gender differs: ${ga} vs ${gb}` };
}
