import { type NoticeType, SELECTOR_KINDS, type SelectorRef } from '@cordon/contracts';
import { isApiError } from '../../app/api.ts';
import type en from './locales/en.json';

/** A detail field's label key: `subject.name` → `subject_name`. */
export type DetailKey = keyof (typeof en)['details'];
export const detailKey = (name: string) => name.replaceAll('.', '_') as DetailKey;

/** How each detail field is edited; the server's schema (contracts NOTICE_DETAILS) is the rule. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'countries' | 'lines' | 'consent' | 'threat' | 'subject';
export interface FieldSpec {
  name: string;
  kind: FieldKind;
}

export const NOTICE_FIELDS: Record<NoticeType, FieldSpec[]> = {
  purple: [
    { name: 'modusOperandi', kind: 'textarea' },
    { name: 'methods', kind: 'textarea' },
    { name: 'objects', kind: 'lines' },
    { name: 'concealment', kind: 'textarea' },
  ],
  orange: [
    { name: 'threatKind', kind: 'threat' },
    { name: 'threatDescription', kind: 'textarea' },
    { name: 'imminence', kind: 'text' },
    { name: 'countriesAtRisk', kind: 'countries' },
  ],
  silver: [
    { name: 'subject', kind: 'subject' },
    { name: 'assetsSought', kind: 'textarea' },
    { name: 'jurisdictions', kind: 'countries' },
    { name: 'legalBasis', kind: 'text' },
  ],
  yellow: [
    { name: 'subject', kind: 'subject' },
    { name: 'missingSince', kind: 'date' },
    { name: 'lastSeenPlace', kind: 'text' },
    { name: 'circumstances', kind: 'textarea' },
    { name: 'familyConsent', kind: 'consent' },
  ],
  red: [
    { name: 'subject', kind: 'subject' },
    { name: 'charges', kind: 'textarea' },
    { name: 'warrantReference', kind: 'text' },
    { name: 'issuingAuthority', kind: 'text' },
  ],
  green: [
    { name: 'subject', kind: 'subject' },
    { name: 'criminalActivities', kind: 'textarea' },
    { name: 'warningReason', kind: 'textarea' },
  ],
  blue: [
    { name: 'subject', kind: 'subject' },
    { name: 'informationSought', kind: 'textarea' },
    { name: 'reason', kind: 'textarea' },
  ],
};

/** Badge colours: dark shades carry white text, light ones black (4.5:1 either way). */
export const TYPE_COLOURS: Record<NoticeType, string> = {
  purple: 'grape.9',
  orange: 'orange.4',
  silver: 'gray.4',
  yellow: 'yellow.4',
  red: 'red.9',
  green: 'green.9',
  blue: 'blue.9',
};

/** Form text → the details object: empty fields are left out (a draft may be incomplete). */
export function toDetails(type: NoticeType, form: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const codes = (s: string) =>
    s
      .split(/[,;\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
  for (const f of NOTICE_FIELDS[type]) {
    const v = (form[f.name] ?? '').trim();
    if (f.kind === 'subject') {
      const subject: Record<string, unknown> = {};
      const name = (form['subject.name'] ?? '').trim();
      const nats = codes(form['subject.nationalities'] ?? '');
      const dob = (form['subject.dateOfBirth'] ?? '').trim();
      const aliases = (form['subject.aliases'] ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const sex = (form['subject.sex'] ?? '').trim();
      const description = (form['subject.description'] ?? '').trim();
      if (name) subject.name = name;
      if (aliases.length > 0) subject.aliases = aliases;
      if (nats.length > 0) subject.nationalities = nats;
      if (dob) subject.dateOfBirth = dob;
      if (sex) subject.sex = sex;
      if (description) subject.description = description;
      if (Object.keys(subject).length > 0) out.subject = subject;
    } else if (f.kind === 'consent') {
      if (v) out[f.name] = v === 'true';
    } else if (!v) {
    } else if (f.kind === 'countries') out[f.name] = codes(v);
    else if (f.kind === 'lines')
      out[f.name] = v
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    else out[f.name] = v;
  }
  return out;
}

/** The details object → form text. */
export function toForm(details: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details)) {
    if (k === 'subject' && v && typeof v === 'object') {
      const s = v as {
        name?: string;
        aliases?: string[];
        nationalities?: string[];
        dateOfBirth?: string;
        sex?: string;
        description?: string;
      };
      out['subject.name'] = s.name ?? '';
      out['subject.aliases'] = (s.aliases ?? []).join('\n');
      out['subject.nationalities'] = (s.nationalities ?? []).join(', ');
      out['subject.dateOfBirth'] = s.dateOfBirth ?? '';
      out['subject.sex'] = s.sex ?? '';
      out['subject.description'] = s.description ?? '';
    } else if (Array.isArray(v)) out[k] = v.join(k === 'objects' ? '\n' : ', ');
    else out[k] = String(v);
  }
  return out;
}

/** Problem `errors[]` by full dotted field, without the `details.` prefix (e.g. `subject.name`). */
export function detailErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const e of error.problem?.errors ?? []) {
    const f = e.field.replace(/^\/?(body[/.])?/, '').replace(/^details\./, '');
    out[f] ??= e.message;
  }
  return out;
}

/** One selector row of the form (the API's SelectorRef, as text). */
export interface SelectorRow {
  kind: SelectorRef['kind'];
  value: string;
  country: string;
  /** Kept from a stored key (not edited in the form: a profile link names the platform). */
  platform?: SelectorRef['platform'];
  chain?: SelectorRef['chain'];
  bank?: string;
}

/** Rows → the API's `selectors` (empty rows left out; the server normalises and names the row at fault). */
export function toSelectorRefs(rows: SelectorRow[]): SelectorRef[] {
  return rows
    .filter((r) => r.value.trim())
    .map((r) => ({
      kind: r.kind,
      value: r.value.trim(),
      ...(r.country.trim() ? { country: r.country.trim().toUpperCase() } : {}),
      ...(r.platform ? { platform: r.platform } : {}),
      ...(r.chain ? { chain: r.chain } : {}),
      ...(r.bank ? { bank: r.bank } : {}),
    }));
}

const COUNTRY_FIRST = new Set(['passport', 'national-id', 'company-registration', 'bank-account']);

/**
 * A stored selector key (`phone:+66812345678`, `passport:TH:AA1234567`, `handle:telegram:x`,
 * `crypto:tron:T…`, `bank-account:TH:-:123`) → a row that normalises back to the same key, so an
 * edited draft keeps its links.
 */
export function selectorRowOfKey(key: string): SelectorRow | null {
  const i = key.indexOf(':');
  if (i < 1) return null;
  const kind = key.slice(0, i) as SelectorRef['kind'];
  if (!(SELECTOR_KINDS as readonly string[]).includes(kind)) return null;
  const rest = key.slice(i + 1);
  if (COUNTRY_FIRST.has(kind)) {
    const [country = '', ...tail] = rest.split(':');
    if (kind === 'bank-account') {
      const [bank = '-', ...account] = tail;
      return { kind, country, value: account.join(':'), ...(bank === '-' ? {} : { bank }) };
    }
    return { kind, country, value: tail.join(':') };
  }
  if (kind === 'handle' || kind === 'crypto') {
    const j = rest.indexOf(':');
    const head = rest.slice(0, j);
    const value = rest.slice(j + 1);
    return kind === 'handle'
      ? { kind, country: '', value, platform: head as SelectorRef['platform'] }
      : { kind, country: '', value, chain: head as SelectorRef['chain'] };
  }
  return { kind, country: '', value: rest };
}
