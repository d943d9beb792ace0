import type { AlertMessage } from '@cordon/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { alertText } from './alertText.ts';

/** `alertText` bound to the user's language. */
export function useAlertText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (a: { title: string; message?: AlertMessage | null }) =>
      alertText({ t: (k, p) => t(k as never, p as never) as unknown as string, exists: (k) => i18n.exists(k) }, a),
    [t, i18n],
  );
}
