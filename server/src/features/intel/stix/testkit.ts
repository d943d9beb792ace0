/** Test helpers: the reference STIX 2.1 JSON schemas, and a Report with every kind of entity. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity, Report } from '@cordon/contracts';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { normaliseSelector, type SelectorInput } from '../selectors/index.ts';
import type { StixObject } from './types.ts';

/** `shared/` lies beside the repository (as in CI); CORDON_REFERENCE_DIR overrides. */
export const STIX_REFERENCE =
  process.env.CORDON_REFERENCE_DIR !== undefined
    ? join(process.env.CORDON_REFERENCE_DIR, 'stix2.1')
    : fileURLToPath(new URL('../../../../../../shared/reference/stix2.1', import.meta.url));

/** The example bundles of the reference (interop-objectmarking-test.json is a lone campaign, not a bundle). */
export const EXAMPLES = [
  'indicator-for-c2-ip-address.json',
  'indicator-to-campaign-relationship.json',
  'indicators-for-C2-with-COA.json',
  'infrastructure.json',
  'malicious-email-indicator-with-attachment.json',
  'threat-reports/apt1.json',
  'threat-reports/poisonivy.json',
];
export const readExample = (file: string): { type: string; id: string; objects: StixObject[] } =>
  JSON.parse(readFileSync(join(STIX_REFERENCE, 'examples', file), 'utf8'));

const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const HOST_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

export interface StixValidator {
  /** Schema errors of the bundle and of each object against its own type's schema ([] = valid). */
  check(bundle: { objects: StixObject[] }): string[];
  /** Errors of the bundle against bundle.json exactly as published (see MISSING_FROM_BUNDLE). */
  checkUnpatched(bundle: unknown): Array<{ index: number; message: string }>;
}

/**
 * bundle.json at the reference commit lists the SDOs/SMOs a bundle may hold in a `oneOf`, and
 * leaves out these, although the same folder has their schemas and the STIX 2.1 spec allows them
 * in bundles (infrastructure was missing the same way until upstream issue #133). Its fallback for
 * custom objects cannot take them either: an object with `created` matches both core.json and
 * cyber-observable-core.json, and that branch is a `oneOf` of the two. The validator adds these
 * `$ref`s to the list (it loosens nothing else); every object is in any case also validated
 * against its own type's schema.
 */
export const MISSING_FROM_BUNDLE = {
  location: '../sdos/location.json',
  grouping: '../sdos/grouping.json',
  incident: '../sdos/incident.json',
  note: '../sdos/note.json',
  opinion: '../sdos/opinion.json',
  'extension-definition': '../common/extension-definition.json',
} as const;

type BundleSchema = {
  $id: string;
  properties: { objects: { items: { anyOf: [{ oneOf: Array<{ $ref: string }> }, unknown] } } };
};

/**
 * Loads every schema file by its `$id`; relative `$ref`s then resolve locally, never over the network.
 * unicodeRegExp is off because the schemas' patterns use `\-`, which the 'u' flag refuses.
 */
export function loadStixSchemas(): StixValidator {
  if (!existsSync(STIX_REFERENCE)) throw new Error(`STIX reference schemas not found at ${STIX_REFERENCE}`);
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  ajv.addFormat('idn-hostname', (v: string) => v.length <= 253 && v.split('.').every((l) => HOST_LABEL.test(l)));
  const root = join(STIX_REFERENCE, 'schemas');
  const byType = new Map<string, string>();
  for (const dir of readdirSync(root)) {
    for (const file of readdirSync(join(root, dir))) {
      const schema = JSON.parse(readFileSync(join(root, dir, file), 'utf8')) as { $id: string };
      if (file === 'bundle.json') {
        const patched = structuredClone(schema) as BundleSchema;
        for (const ref of Object.values(MISSING_FROM_BUNDLE))
          patched.properties.objects.items.anyOf[0].oneOf.push({ $ref: ref });
        ajv.addSchema(patched);
        ajv.addSchema({ ...schema, $id: `${BASE}common/bundle-as-published.json` });
        continue;
      }
      ajv.addSchema(schema);
      byType.set(file.replace(/\.json$/, ''), schema.$id);
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const get = (id: string) => {
    let fn = compiled.get(id);
    if (!fn) {
      fn = ajv.getSchema(id);
      if (!fn) throw new Error(`no schema ${id}`);
      compiled.set(id, fn);
    }
    return fn;
  };
  const run = (id: string, value: unknown, where: string): string[] => {
    const fn = get(id);
    return fn(value) ? [] : (fn.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message} (${e.schemaPath})`);
  };
  return {
    check(bundle) {
      const errors = run(`${BASE}common/bundle.json`, bundle, 'bundle');
      for (const o of bundle.objects) {
        const own = byType.get(o.type);
        const schema = own ?? `${BASE}common/${o.created === undefined ? 'cyber-observable-core' : 'core'}.json`;
        errors.push(...run(schema, o, o.id));
      }
      return errors;
    },
    checkUnpatched(bundle) {
      const fn = get(`${BASE}common/bundle-as-published.json`);
      if (fn(bundle)) return [];
      return (fn.errors ?? []).map((e) => ({ index: Number(e.instancePath.split('/')[2]), message: `${e.message}` }));
    },
  };
}

const AGENCY = '0b7f6f1e-8a43-4f7e-9d57-0c2b1c7e5a10';
const REPORT = '5f0c9a52-6a1e-4a53-b7e7-2a1d3c4b5e6f';
let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function entity(
  kind: Entity['kind'],
  label: string,
  attrs: Record<string, unknown>,
  extra: Partial<Entity> = {},
): Entity {
  return {
    id: uuid(),
    reportId: REPORT,
    ownerAgencyId: AGENCY,
    kind,
    label,
    selectorKind: null,
    key: null,
    country: null,
    location: null,
    attrs,
    createdAt: '2025-03-01T10:00:00.000Z',
    ...extra,
  };
}

export function selectorEntity(input: SelectorInput): Entity {
  const r = normaliseSelector(input);
  if (!r.ok) throw new Error(`test selector ${input.value}: ${r.reason}`);
  const s = r.selector;
  return entity(
    'selector',
    s.display,
    { value: s.value, display: s.display, details: s.details },
    {
      selectorKind: s.kind,
      key: s.key,
      country: input.country ?? null,
    },
  );
}

export const SELECTOR_INPUTS: SelectorInput[] = [
  { kind: 'phone', value: '+66 81 234 5678' },
  { kind: 'email', value: 'Recruiter.Jobs@easyjobs-thailand-hiring.com' },
  { kind: 'domain', value: 'easyjobs-thailand-hiring.com' },
  { kind: 'url', value: 'https://easyjobs-thailand-hiring.com/apply?id=7' },
  { kind: 'crypto', value: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', chain: 'tron' },
  { kind: 'crypto', value: '0x52908400098527886E0F7030069857D2E4169EE7' },
  { kind: 'iban', value: 'DE89 3704 0044 0532 0130 00' },
  { kind: 'bank-account', value: '123-4-56789-0', country: 'TH' },
  { kind: 'handle', value: '@easyjobs_th', platform: 'telegram' },
  { kind: 'handle', value: 'scam_boss', platform: 'x' },
  { kind: 'ip', value: '203.0.113.7' },
  { kind: 'ip', value: '2001:db8::1' },
  { kind: 'imei', value: '490154203237518' },
  { kind: 'passport', value: 'AA1234567', country: 'TH' },
];

/** A report as the intel service returns it, with every entity kind and every selector kind. */
export function sampleReport(marking: Report['marking']): Report {
  n = 0;
  const boss = entity('person', 'Zhao Wei', {
    names: ['Zhao Wei', '赵伟'],
    role: 'boss',
    nationalities: ['CN'],
    dateOfBirth: '1979',
  });
  const victim = entity('person', 'Ana Reyes', {
    names: ['Ana Reyes'],
    role: 'victim',
    nationalities: ['PH'],
    gender: 'female',
  });
  const org = entity(
    'organisation',
    'Golden Fortune Group',
    { name: 'Golden Fortune Group', aliases: ['GFG'], kind: 'syndicate' },
    { country: 'MM' },
  );
  const front = entity(
    'organisation',
    'Easy Jobs Ltd',
    { name: 'Easy Jobs Ltd', kind: 'fake-recruitment-agency' },
    { country: 'TH' },
  );
  const centre = entity(
    'scam-centre',
    'KK Park',
    { name: 'KK Park', aliases: ['KK Garden'], address: 'Myawaddy', status: 'raided', workforce: 3000 },
    { country: 'MM', location: { lat: 16.6587, lon: 98.5121 } },
  );
  const selectors = SELECTOR_INPUTS.map(selectorEntity);
  const entities = [boss, victim, org, front, centre, ...selectors];
  const rel = (from: Entity, to: Entity, type: Report['relationships'][number]['type']) => ({
    id: uuid(),
    reportId: REPORT,
    from: from.id,
    to: to.id,
    type,
  });
  return {
    id: REPORT,
    ownerAgencyId: AGENCY,
    title: 'Recruitment network behind KK Park',
    summary: 'Fake job adverts in Thailand feeding KK Park.',
    marking,
    moTags: ['pig-butchering', 'fake-job-ads'],
    createdAt: '2025-03-01T10:00:00.000Z',
    counts: { persons: 2, organisations: 2, scamCentres: 1, selectors: selectors.length },
    entities,
    relationships: [
      rel(org, centre, 'operates'),
      rel(boss, org, 'controls'),
      rel(front, org, 'recruits-for'),
      rel(victim, org, 'victim-of'),
      rel(boss, selectors[4]!, 'uses'),
      rel(front, selectors[8]!, 'uses'),
      rel(centre, selectors[10]!, 'uses'),
    ],
    hits: [],
  };
}

export const SAMPLE_AGENCY = { id: AGENCY, name: 'Royal Thai Police CCIB', country: 'TH' };
