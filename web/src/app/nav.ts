/** The areas of the console, in navbar order. Each has `areas.<key>.title` and `.description` strings. */
export const AREAS = [
  { key: 'intel', path: '/intel' },
  { key: 'operations', path: '/operations' },
  { key: 'finance', path: '/finance' },
  { key: 'rescue', path: '/rescue' },
  { key: 'notices', path: '/notices' },
  { key: 'awareness', path: '/awareness' },
  { key: 'trends', path: '/trends' },
] as const;

export type AreaKey = (typeof AREAS)[number]['key'];
