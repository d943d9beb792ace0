import { MO_CATEGORIES, type MoTag } from '@cordon/contracts';
import { isApiError } from '../../../app/api.ts';

export type MoCategory = (typeof MO_CATEGORIES)[number];
export interface TagFormValues {
  code: string;
  label: string;
  category: MoCategory;
  description: string;
  fr: string;
  es: string;
}
export type TagField = keyof TagFormValues;

export const emptyTag = (): TagFormValues => ({
  code: '',
  label: '',
  category: MO_CATEGORIES[0],
  description: '',
  fr: '',
  es: '',
});

const CODE = /^[a-z0-9-]{2,64}$/;

/** What the console checks before sending (the server checks again): field → message key. */
export function checkTag(v: TagFormValues): Partial<Record<TagField, 'required' | 'code' | 'short'>> {
  const out: Partial<Record<TagField, 'required' | 'code' | 'short'>> = {};
  if (!v.code.trim()) out.code = 'required';
  else if (!CODE.test(v.code.trim())) out.code = 'code';
  if (!v.label.trim()) out.label = 'required';
  else if (v.label.trim().length < 2) out.label = 'short';
  for (const lang of ['fr', 'es'] as const) if (v[lang].trim() && v[lang].trim().length < 2) out[lang] = 'short';
  return out;
}

/** The request body: blank translations left out. */
export function toMoTag(v: TagFormValues): MoTag {
  const labels = Object.fromEntries(
    (['fr', 'es'] as const).filter((l) => v[l].trim()).map((l) => [l, v[l].trim()]),
  ) as MoTag['labels'];
  return {
    code: v.code.trim(),
    label: v.label.trim(),
    category: v.category,
    description: v.description.trim(),
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
  };
}

/** The server's field errors on the form's fields ("labels.fr", "/labels/fr" → fr; "/code" → code). */
export function serverTagErrors(error: unknown): Partial<Record<TagField, string>> {
  const out: Partial<Record<TagField, string>> = {};
  if (!isApiError(error)) return out;
  for (const e of error.problem?.errors ?? []) {
    const path = e.field.replace(/^\/?(body[/.])?/, '').split(/[/.]/);
    const name = (path[0] === 'labels' ? path[1] : path[0]) as TagField | undefined;
    if (name && ['code', 'label', 'category', 'description', 'fr', 'es'].includes(name)) out[name] ??= e.message;
  }
  return out;
}
