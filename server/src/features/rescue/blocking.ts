import { blockingKeys, type PersonFacts, parseBirthDate } from '../intel/names/index.ts';

/**
 * Blocking for rescue duplicate detection: the names module's keys, qualified by nationality and
 * by the decade of birth, so that a common name (Nguyen, Wang, Mohammed) does not bring every
 * namesake of the country as a candidate.
 *
 *  - stored: `<nationality>|<name key>|d<decade>` for each decade the person may be born in
 *    (one for a known year, one or two for an age estimate), or `|d?` when nothing is known;
 *  - probe:  the decades of [earliest - 2, latest + 2] (so two years apart across a decade
 *    boundary still meet, e.g. 1989 and 1991), plus `|d?` (candidates with no birth data);
 *    a person with no birth data probes every decade from 1900 to `maxYear`, plus `|d?`.
 *
 * Pairs lost compared with name-only blocking: partial dates more than two years apart in
 * different decades (they score at most 'possible' through a −0.15 conflict). Full dates more
 * than two years apart are capped at 'weak' by the matcher anyway.
 * The caller blinds (HMACs) every key before it reaches the database.
 */
export const YEAR_SLACK = 2;
const FIRST_YEAR = 1900;

/** The years a person may be born in, or undefined when nothing is known. */
export function birthYears(f: PersonFacts): [number, number] | undefined {
  const d = parseBirthDate(f.dateOfBirth);
  if (d) return [d.year, d.year];
  if (f.birthYearRange) return [Math.min(...f.birthYearRange), Math.max(...f.birthYearRange)];
  return undefined;
}

function decades(from: number, to: number): string[] {
  const out: string[] = [];
  for (let d = Math.floor(from / 10); d <= Math.floor(to / 10); d++) out.push(`d${d}`);
  return out;
}

export interface RescueKeys {
  /** keys written for this person */
  stored: string[];
  /** keys to look candidates up with */
  probe: string[];
}

export function rescueBlockingKeys(f: PersonFacts, nationality: string, maxYear: number): RescueKeys {
  const names = blockingKeys(f);
  const years = birthYears(f);
  const own = years ? decades(years[0], years[1]) : ['d?'];
  const look = years
    ? [...decades(years[0] - YEAR_SLACK, years[1] + YEAR_SLACK), 'd?']
    : [...decades(FIRST_YEAR, maxYear), 'd?'];
  const q = (k: string, d: string) => `${nationality}|${k}|${d}`;
  return {
    stored: names.flatMap((k) => own.map((d) => q(k, d))),
    probe: names.flatMap((k) => look.map((d) => q(k, d))),
  };
}

const fullYears = new WeakMap<PersonFacts, number | null>();
/** The year of a full date of birth (YYYY-MM-DD), else null; memoised per facts object. */
function fullYear(f: PersonFacts): number | null {
  let y = fullYears.get(f);
  if (y === undefined) {
    const d = parseBirthDate(f.dateOfBirth);
    y = d?.day !== undefined ? d.year : null;
    fullYears.set(f, y);
  }
  return y;
}

/**
 * True when the matcher would cap the pair at 'weak' whatever the names: two full dates of birth
 * more than YEAR_SLACK years apart (names/facts.ts). Such candidates share a decade block but need
 * no name comparison; skipping them changes no verdict at 'possible' or above.
 */
export function ruledOutByBirth(a: PersonFacts, b: PersonFacts): boolean {
  const ya = fullYear(a);
  const yb = fullYear(b);
  return ya !== null && yb !== null && Math.abs(ya - yb) > YEAR_SLACK;
}
