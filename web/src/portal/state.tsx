import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { PortalLang } from './i18n.tsx';

const LANG_COUNTRY: Partial<Record<PortalLang, string>> = {
  id: 'ID',
  vi: 'VN',
  th: 'TH',
  fil: 'PH',
  'zh-Hans': 'CN',
  hi: 'IN',
};

interface PortalState {
  /** The visitor's country as they chose it ('' until chosen); never guessed from their address. */
  country: string;
  setCountry: (c: string) => void;
  /** Campaign code from a campaign link (?c=…), kept in memory only, to count checks and reports. */
  campaign: string | undefined;
}
const Ctx = createContext<PortalState | null>(null);

export function PortalStateProvider({ lang, children }: { lang: PortalLang; children: ReactNode }) {
  const [country, setCountry] = useState(() => LANG_COUNTRY[lang] ?? '');
  const [campaign] = useState(() => {
    const c = new URLSearchParams(window.location.search).get('c');
    return c && /^[a-z0-9-]{3,40}$/.test(c) ? c : undefined;
  });
  const value = useMemo(() => ({ country, setCountry, campaign }), [country, campaign]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePortal(): PortalState {
  const v = useContext(Ctx);
  if (!v) throw new Error('PortalStateProvider missing');
  return v;
}
