import type { MoTag } from '@cordon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { taxonomyQuery } from '../api/reportsApi.ts';
import { moLabel } from './moLabel.ts';

/** The taxonomy with each label in the user's language, and a label lookup by code. */
export function useMoTags() {
  const { i18n } = useTranslation();
  const query = useQuery(taxonomyQuery);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const tags: MoTag[] = (query.data ?? []).map((m) => ({ ...m, label: moLabel(m, lang) }));
    const byCode = new Map(tags.map((m) => [m.code, m.label]));
    return {
      query,
      tags,
      options: tags.map((m) => ({ value: m.code, label: m.label })),
      label: (code: string) => byCode.get(code) ?? code,
    };
  }, [query, lang]);
}
