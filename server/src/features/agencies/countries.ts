import type { Region } from '@cordon/contracts';
import worldCountries from 'world-countries';

interface WorldCountry {
  cca2: string;
  name: { common: string };
  region: string;
  unMember: boolean;
}
const countries = worldCountries as unknown as WorldCountry[];

export interface Country {
  code: string;
  name: string;
  region: Region;
  unMember: boolean;
}

/** ISO 3166-1 alpha-2 countries with their UN region (world-countries data). */
export const COUNTRIES: ReadonlyMap<string, Country> = new Map(
  countries
    .filter((c) => c.region !== 'Antarctic')
    .map((c) => [c.cca2, { code: c.cca2, name: c.name.common, region: c.region as Region, unMember: c.unMember }]),
);

export function countryOf(code: string): Country | undefined {
  return COUNTRIES.get(code);
}
