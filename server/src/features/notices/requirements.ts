import { NOTICE_DETAILS, type NoticeType, PUBLIC_EXTRACT_TYPES } from '@cordon/contracts';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../../platform/http/errors.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<NoticeType, ValidateFunction>();
const validatorOf = (type: NoticeType) => {
  let v = validators.get(type);
  if (!v) {
    v = ajv.compile(NOTICE_DETAILS[type] as object);
    validators.set(type, v);
  }
  return v;
};

function fieldOf(e: ErrorObject): string {
  const path = e.instancePath.split('/').filter(Boolean).join('.');
  const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : null;
  const extra =
    e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : null;
  return ['details', path, missing ?? extra].filter(Boolean).join('.');
}

/**
 * Checks a notice's type-specific details. `complete` (submission, publication) requires every
 * field of the type; a draft only needs what it holds to be well-formed. Errors name the field
 * (`details.subject.nationalities`).
 */
export function checkDetails(type: NoticeType, details: unknown, o: { complete: boolean }): FieldError[] {
  const validate = validatorOf(type);
  if (validate(details)) return [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of validate.errors ?? []) {
    if (!o.complete && e.keyword === 'required') continue;
    const field = fieldOf(e);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({
      field,
      message:
        e.keyword === 'required'
          ? `required for a ${type} notice`
          : e.keyword === 'additionalProperties'
            ? `not a field of a ${type} notice`
            : (e.message ?? 'invalid'),
    });
  }
  return out;
}

/** A public extract only for types that allow one, and a Yellow notice's only with the family's consent. */
export function checkPublicExtract(
  type: NoticeType,
  extract: string | null | undefined,
  details: unknown,
): FieldError[] {
  if (!extract) return [];
  if (!PUBLIC_EXTRACT_TYPES.includes(type))
    return [{ field: 'publicExtract', message: `a ${type} notice has no public extract` }];
  if (type === 'yellow' && (details as { familyConsent?: unknown } | null)?.familyConsent !== true)
    return [
      {
        field: 'publicExtract',
        message: 'a Yellow notice’s public extract needs the family’s consent (details.familyConsent)',
      },
    ];
  return [];
}

/** Lower-cased words of the title, summary and every string in the details, for search. */
export function searchTextOf(title: string, summary: string, details: unknown): string {
  const words: string[] = [title, summary];
  const walk = (v: unknown) => {
    if (typeof v === 'string') words.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(details);
  return words.join(' ').toLowerCase();
}
