import { PORTAL_PAGES } from '@cordon/contracts';
import { createContext, type MouseEvent, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

/** The portal's pages (the server answers each of these paths with the portal). */
export const PORTAL_PATHS = PORTAL_PAGES;
export type PortalPath = (typeof PORTAL_PATHS)[number];

const asPath = (p: string): PortalPath => (PORTAL_PATHS.includes(p as PortalPath) ? (p as PortalPath) : '/');

interface Nav {
  path: PortalPath;
  go: (p: PortalPath) => void;
}
const Ctx = createContext<Nav | null>(null);

/** A tiny history router: the portal has a handful of pages and no need for a router library. */
export function NavProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState<PortalPath>(() => asPath(window.location.pathname));
  useEffect(() => {
    const onPop = () => setPath(asPath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((p: PortalPath) => {
    const url = new URL(window.location.href);
    url.pathname = p;
    url.hash = '';
    window.history.pushState(null, '', url);
    setPath(p);
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus();
  }, []);
  return <Ctx.Provider value={{ path, go }}>{children}</Ctx.Provider>;
}

export function useNav(): Nav {
  const v = useContext(Ctx);
  if (!v) throw new Error('NavProvider missing');
  return v;
}

/** Props for an <a> that navigates inside the portal (a real link: opens in a new tab too). */
export function useLink(p: PortalPath) {
  const { go, path } = useNav();
  return {
    href: `${p}${window.location.search}`,
    'aria-current': path === p ? ('page' as const) : undefined,
    onClick: (e: MouseEvent) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go(p);
    },
  };
}
