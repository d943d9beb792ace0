import { type Static, Type } from 'typebox';

/**
 * Why two records match, as a code and its parameters. The server stores the code, the
 * parameters and the English text (for machine clients and older rows); the console renders the
 * code from its locale (`intel.reasons.<code>`), formatting the parameters for the language.
 */
export const HIT_REASON_TEMPLATES = {
  // selectors and scam centres
  'selector-same': 'same {{selectorKind}}: {{label}}',
  'centre-same-name': 'same name or alias in {{country}}: "{{name}}"',
  'centre-near': '{{km}} km apart (threshold {{thresholdKm}} km)',
  'hidden-match': '{{kind}} match scored {{score}}; request disclosure to see the record',
  // person names
  'name-identical': 'names identical: "{{a}}" ~ "{{b}}" ({{score}})',
  'name-identical-translit': 'names identical after transliteration: "{{a}}" ~ "{{b}}" ({{score}})',
  'name-match': 'names match: "{{a}}" ~ "{{b}}" ({{score}})',
  'name-match-translit': 'names match after transliteration: "{{a}}" ~ "{{b}}" ({{score}})',
  'name-differ': 'names differ: "{{a}}" ~ "{{b}}" ({{score}})',
  'name-differ-translit': 'names differ after transliteration: "{{a}}" ~ "{{b}}" ({{score}})',
  'name-transliterated': '"{{raw}}" transliterated as "{{latin}}"',
  'name-surname-first': '"{{raw}}" read as surname-first: "{{latin}}"',
  'alias-first': 'matched on alias #{{index}} of the first person: "{{name}}"',
  'alias-second': 'matched on alias #{{index}} of the second person: "{{name}}"',
  'name-reordered': 'name parts are in a different order',
  'name-no-shared-key': 'no name word is spelt alike in both names: name similarity capped at {{cap}}',
  'part-variant': '"{{a}}" ~ "{{b}}" as spelling variants ({{score}})',
  'part-partial': '"{{a}}" and "{{b}}" are only partly alike ({{score}})',
  'part-differ': 'name parts "{{a}}" and "{{b}}" differ ({{score}})',
  'only-in-first': {
    one: 'name part "{{parts}}" only in the first record',
    other: 'name parts "{{parts}}" only in the first record',
  },
  'only-in-second': {
    one: 'name part "{{parts}}" only in the second record',
    other: 'name parts "{{parts}}" only in the second record',
  },
  'no-name': 'a person has no name to compare',
  // dates of birth
  'birth-same-date': 'same date of birth {{date}}',
  'birth-swapped': 'dates of birth {{dateA}} and {{dateB}} match with day and month swapped',
  'birth-same-year-month-unknown': 'same year of birth {{year}} (month unknown on one side)',
  'birth-same-year-months-differ': 'same year of birth {{year}}, months differ',
  'birth-same-month': 'same year and month of birth {{month}}',
  'birth-same-month-days-differ': 'same year and month of birth {{month}}, days differ',
  'birth-years-close': 'years of birth {{yearA}} and {{yearB}} are close',
  'birth-incompatible': 'dates of birth {{dateA}} and {{dateB}} are incompatible',
  'birth-years-differ': 'years of birth {{yearA}} and {{yearB}} differ by {{gap}} years',
  'birth-in-range': 'year of birth {{year}} fits the estimated birth years {{low}}–{{high}}',
  'birth-near-range': 'year of birth {{year}} is just outside the estimated birth years {{low}}–{{high}}',
  'birth-outside-range': 'year of birth {{year}} is {{gap}} years outside the estimated birth years {{low}}–{{high}}',
  'birth-ranges-overlap': 'estimated years of birth overlap ({{lowA}}–{{highA}}, {{lowB}}–{{highB}})',
  'birth-ranges-close': 'estimated years of birth are close ({{lowA}}–{{highA}}, {{lowB}}–{{highB}})',
  'birth-ranges-disjoint': 'estimated years of birth {{lowA}}–{{highA}} and {{lowB}}–{{highB}} do not overlap',
  'birth-one-side': 'birth date known on one side only',
  'birth-none': 'no birth date to compare',
  'verdict-capped': 'verdict capped at "weak" because the dates of birth are incompatible',
  // nationality and gender
  'nationality-shared': 'nationality {{nationalities}} in both',
  'nationality-differ':
    'nationalities differ: {{nationalitiesA}} vs {{nationalitiesB}} (not decisive: dual nationals, forged documents)',
  'gender-same': 'same gender ({{gender}})',
  'gender-differ': 'gender differs: {{genderA}} vs {{genderB}}',
  // search results (why an entity answers the query)
  'search-same-selector': 'same {{selectorKind}}',
  'search-same-name': 'same name or alias',
  'search-name-contains': 'name contains "{{text}}"',
} as const satisfies Record<string, string | { one: string; other: string }>;

export type HitReasonCode = keyof typeof HIT_REASON_TEMPLATES;
export const HIT_REASON_CODES = Object.keys(HIT_REASON_TEMPLATES) as HitReasonCode[];

/** Codes that speak against the match: a hit shows them as "conflict: …". */
export const CONFLICT_REASON_CODES: ReadonlySet<string> = new Set<HitReasonCode>([
  'name-differ',
  'name-differ-translit',
  'name-no-shared-key',
  'part-differ',
  'no-name',
  'birth-incompatible',
  'birth-years-differ',
  'birth-outside-range',
  'birth-ranges-disjoint',
  'verdict-capped',
  'nationality-differ',
  'gender-differ',
]);

export type ReasonParam = string | number | boolean | string[];
export type ReasonParams = Record<string, ReasonParam>;

/** A reason as a matcher produces it (before it is stored with its English text). */
export interface ReasonCode {
  code: HitReasonCode;
  params: ReasonParams;
}

export const HitReason = Type.Object(
  {
    code: Type.String({
      description: 'why the records match, e.g. selector-same, centre-near, name-match, birth-same-date',
    }),
    params: Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())]),
      { description: 'the values the text is built from: numbers as numbers, dates as ISO 8601' },
    ),
    conflict: Type.Boolean({ description: 'true: this speaks against the match' }),
    text: Type.String({ description: 'in English, as in `reasons`' }),
  },
  { additionalProperties: false },
);
export type HitReason = Static<typeof HitReason>;

/** How a parameter is shown, by its name (the same names in every code). */
const DECIMALS_2 = new Set(['score', 'km']);
const NUMBERS = new Set(['thresholdKm', 'cap']);
const INTEGERS = new Set(['year', 'yearA', 'yearB', 'low', 'high', 'lowA', 'highA', 'lowB', 'highB', 'gap', 'index']);
const DATES = new Set(['date', 'dateA', 'dateB']);
const MONTHS = new Set(['month']);
const COUNTRIES = new Set(['country']);

/**
 * The parameters of a reason as strings for a language. English keeps the English text's forms
 * (ISO dates, country codes, `toFixed` numbers: that text is what machine clients read); other languages get their
 * decimal separator, dates spelt out and country names. `values` translates enumerated values
 * (gender, selector kind), keyed `<param>.<value>`.
 */
export function formatReasonParams(
  params: ReasonParams,
  lng: string,
  values: (param: string, value: string) => string = (_p, v) => v,
): Record<string, string | number> {
  const en = lng === 'en';
  const out: Record<string, string | number> = {};
  for (const [name, raw] of Object.entries(params)) {
    if (Array.isArray(raw)) out[name] = raw.join(', ');
    else if (typeof raw === 'number' && DECIMALS_2.has(name)) {
      out[name] = en ? raw.toFixed(2) : numberFormat(lng, 2).format(raw);
    } else if (typeof raw === 'number' && NUMBERS.has(name)) {
      out[name] = en ? String(raw) : numberFormat(lng, 3).format(raw);
    } else if (typeof raw === 'number' && INTEGERS.has(name)) out[name] = String(Math.trunc(raw));
    else if (typeof raw === 'string' && !en && DATES.has(name)) out[name] = formatDate(raw, lng);
    else if (typeof raw === 'string' && !en && MONTHS.has(name)) out[name] = formatDate(raw, lng);
    else if (typeof raw === 'string' && !en && COUNTRIES.has(name)) out[name] = countryName(raw, lng);
    else if (typeof raw === 'string' && (name.startsWith('gender') || name === 'selectorKind' || name === 'kind')) {
      out[name] = values(name.replace(/[AB]$/, ''), raw);
    } else if (typeof raw === 'number' && name === 'count') out[name] = raw;
    else out[name] = String(raw);
  }
  return out;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** 2: exactly two decimals (scores, distances); 3: up to three, no grouping (thresholds). */
function numberFormat(lng: string, digits: 2 | 3): Intl.NumberFormat {
  const key = `${lng}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      lng,
      digits === 2
        ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
        : { maximumFractionDigits: 3, useGrouping: false },
    );
    numberFormats.set(key, f);
  }
  return f;
}

function formatDate(iso: string, lng: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?$/);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  const opts: Intl.DateTimeFormatOptions = m[3]
    ? { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }
    : { timeZone: 'UTC', month: 'long', year: 'numeric' };
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(lng, opts).format(d);
}

function countryName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const interpolate = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** The English text of a reason (without the "conflict: " a hit puts before a conflict). */
export function reasonText(r: ReasonCode): string {
  const template: string | { one: string; other: string } = HIT_REASON_TEMPLATES[r.code];
  const values = formatReasonParams(r.params, 'en');
  if (typeof template === 'string') return interpolate(template, values);
  return interpolate(Number(r.params.count) === 1 ? template.one : template.other, values);
}

/** A reason as a hit stores and serves it: code, parameters, conflict flag and English text. */
export function hitReason(r: ReasonCode): HitReason {
  const conflict = CONFLICT_REASON_CODES.has(r.code);
  const text = reasonText(r);
  return { code: r.code, params: r.params, conflict, text: conflict ? `conflict: ${text}` : text };
}
