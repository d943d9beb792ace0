import type { AlertMessage } from '@cordon/contracts';

/** The subset of i18next this needs (any key: the server names it). */
export interface Translator {
  t: (key: string, params?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
}

const KEY = /^(hit|watch|disclosure)\.[A-Za-z]+$/;

/**
 * An alert's text in the user's language, from its message key and parameters; the server's
 * English title where there is no message (older alerts) or the console does not know the key.
 */
export function alertText(tr: Translator, alert: { title: string; message?: AlertMessage | null | undefined }): string {
  const m = alert.message;
  const key = m ? `intel.alertMessages.${m.key}` : '';
  if (!m || !KEY.test(m.key) || !tr.exists(key)) return alert.title;
  const params: Record<string, unknown> = { ...m.params };
  if (m.key.startsWith('hit.')) {
    const what = `intel.alertMessages.what.${String(m.params.kind)}`;
    params.what = tr.exists(what) ? tr.t(what, { label: m.params.label }) : m.params.label;
  }
  return tr.t(key, params);
}
