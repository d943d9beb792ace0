import { formatReasonParams, type HitReason } from '@cordon/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translator } from '../inbox/alertText.ts';

/**
 * A hit reason in the user's language: the locale's `intel.reasons.<code>` with the parameters
 * formatted for the language (decimal separator, dates, country names, translated values); the
 * server's English text when the console does not know the code.
 */
export function reasonText(tr: Translator, lng: string, r: HitReason): string {
  const key = `intel.reasons.${r.code}`;
  if (!/^[a-z-]+$/.test(r.code) || !(tr.exists(key) || tr.exists(`${key}_other`))) return r.text;
  const params = formatReasonParams(r.params, lng, (param, value) => {
    const k = `intel.reasonValues.${param}.${value}`;
    return tr.exists(k) ? tr.t(k) : value;
  });
  const text = tr.t(key, params);
  return r.conflict ? tr.t('intel.hits.conflict', { text }) : text;
}

/** The reasons of a hit to show: from their codes, or the English text of a hit stored before codes. */
export function hitReasonTexts(
  tr: Translator,
  lng: string,
  hit: { reasons: string[]; reasonCodes: HitReason[] },
): string[] {
  return hit.reasonCodes.length > 0 ? hit.reasonCodes.map((r) => reasonText(tr, lng, r)) : hit.reasons;
}

/** `reasonText` and `hitReasonTexts` bound to the user's language. */
export function useReasonText() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    const tr: Translator = {
      t: (k, p) => t(k as never, p as never) as unknown as string,
      exists: (k) => i18n.exists(k),
    };
    return {
      reason: (r: HitReason) => reasonText(tr, lng, r),
      hit: (hit: { reasons: string[]; reasonCodes: HitReason[] }) => hitReasonTexts(tr, lng, hit),
    };
  }, [t, i18n, lng]);
}
