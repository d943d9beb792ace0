import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { COUNTRY_CODES } from './countries.ts';

export interface Option {
  value: string;
  label: string;
}

/** Every country as a select option, "Thailand (TH)", sorted by name in the current language. */
export function useCountryOptions(): Option[] {
  const fmt = useFormat();
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ value: code, label: `${fmt.country(code)} (${code})` })).sort((a, b) =>
        a.label.localeCompare(b.label, i18n.language),
      ),
    [fmt, i18n.language],
  );
}
