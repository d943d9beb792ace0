import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Country names, dates and times in the current language (one formatter set per language). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => makeFormat(lng), [lng]);
}

export function makeFormat(lng: string) {
  let regionNames: Intl.DisplayNames | null = null;
  try {
    regionNames = new Intl.DisplayNames([lng], { type: 'region' });
  } catch {
    regionNames = null;
  }
  const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(lng, { timeStyle: 'medium' });
  return {
    country(code: string): string {
      try {
        return regionNames?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
    },
    time(iso: string): string {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : time.format(d);
    },
  };
}
