import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import en from './locales/en.json';

/** Portal languages: English and languages of the countries scam centres recruit from. */
export const PORTAL_LANGS = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'th', name: 'ไทย' },
  { code: 'fil', name: 'Filipino' },
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'hi', name: 'हिन्दी' },
] as const;
export type PortalLang = (typeof PORTAL_LANGS)[number]['code'];
export type Key = keyof typeof en;
type Strings = Record<Key, string>;

// Other languages are separate chunks, fetched (same origin) only when chosen.
const LOADERS: Record<Exclude<PortalLang, 'en'>, () => Promise<{ default: Strings }>> = {
  id: () => import('./locales/id.json'),
  vi: () => import('./locales/vi.json'),
  th: () => import('./locales/th.json'),
  fil: () => import('./locales/fil.json'),
  'zh-Hans': () => import('./locales/zh-Hans.json'),
  hi: () => import('./locales/hi.json'),
};

export const isPortalLang = (x: unknown): x is PortalLang => PORTAL_LANGS.some((l) => l.code === x);

/** A BCP 47 tag of the browser to a portal language (zh-CN → zh-Hans, tl → fil, in → id). */
export function matchLanguage(tag: string): PortalLang | null {
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) return 'zh-Hans';
  const base = t.split('-')[0];
  if (base === 'tl' || base === 'fil') return 'fil';
  if (base === 'in') return 'id';
  return isPortalLang(base) ? base : null;
}

/** `?lang=` in the address, else the browser's first supported language, else English. */
export function initialLang(): PortalLang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isPortalLang(asked)) return asked;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const m = matchLanguage(tag);
    if (m) return m;
  }
  return 'en';
}

interface I18n {
  lang: PortalLang;
  setLang: (l: PortalLang) => void;
  t: (key: Key, vars?: Record<string, string | number>) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<PortalLang>(initialLang);
  const [strings, setStrings] = useState<Strings>(en);
  useEffect(() => {
    let live = true;
    document.documentElement.lang = lang;
    if (lang === 'en') setStrings(en);
    else
      void LOADERS[lang]().then((m) => {
        if (live) setStrings(m.default);
      });
    return () => {
      live = false;
    };
  }, [lang]);
  const setLang = useCallback((l: PortalLang) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', l);
    window.history.replaceState(window.history.state, '', url);
    setLangState(l);
  }, []);
  const t = useCallback(
    (key: Key, vars?: Record<string, string | number>) => {
      let s = strings[key] ?? en[key] ?? key;
      for (const [k, v] of Object.entries(vars ?? {})) s = s.replaceAll(`{{${k}}}`, String(v));
      return s;
    },
    [strings],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}
