/** Query keys of the intelligence area; `['intel']` invalidates all of them. */
export const intelKeys = {
  all: ['intel'] as const,
  taxonomy: ['intel', 'taxonomy'] as const,
  reports: (filters: object) => ['intel', 'reports', filters] as const,
  report: (id: string) => ['intel', 'report', id] as const,
  hits: (filters: object) => ['intel', 'hits', filters] as const,
  hit: (id: string) => ['intel', 'hit', id] as const,
  alerts: (filters: object) => ['intel', 'alerts', filters] as const,
  unread: ['intel', 'unread'] as const,
  disclosures: (direction: string) => ['intel', 'disclosures', direction] as const,
  watchlist: ['intel', 'watchlist'] as const,
  entity: (id: string) => ['intel', 'entity', id] as const,
  timeline: (id: string) => ['intel', 'entity', id, 'timeline'] as const,
  places: (id: string) => ['intel', 'entity', id, 'places'] as const,
  neighbourhood: (node: string, hops: number) => ['intel', 'neighbourhood', node, hops] as const,
  networks: ['intel', 'networks'] as const,
  map: (filters: object) => ['intel', 'map', filters] as const,
  search: (q: string) => ['intel', 'search', q] as const,
};

/** `?a=1&b=x` from the defined values (undefined and '' are left out). */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
