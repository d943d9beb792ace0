import worldCountries from 'world-countries';

const NUMERIC: ReadonlyMap<string, string> = new Map(
  (worldCountries as unknown as { cca2: string; ccn3: string }[]).filter((c) => c.ccn3).map((c) => [c.cca2, c.ccn3]),
);

/** ISO 3166-1 numeric code of an alpha-2 code (the ids of the console's world map), or null. */
export function isoNumeric(alpha2: string): string | null {
  return NUMERIC.get(alpha2) ?? null;
}
