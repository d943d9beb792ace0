import type { MoTag } from '@cordon/contracts';

/** A taxonomy tag's label in `lang` when the hub translated it, else its English label. */
export function moLabel(tag: Pick<MoTag, 'label' | 'labels'>, lang: string | undefined): string {
  const base = (lang ?? 'en').slice(0, 2) as 'en' | 'fr' | 'es';
  if (base === 'en') return tag.label;
  return tag.labels?.[base]?.trim() || tag.label;
}
