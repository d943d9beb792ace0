/** Countries the portal offers first (recruiting and transit countries of scam centres), then others. */
export const COUNTRIES = [
  'ID',
  'VN',
  'TH',
  'PH',
  'CN',
  'IN',
  'MY',
  'MM',
  'KH',
  'LA',
  'BD',
  'NP',
  'LK',
  'PK',
  'KR',
  'JP',
  'TW',
  'KE',
  'UG',
  'ET',
  'NG',
  'GH',
  'BR',
  'US',
  'GB',
  'FR',
  'DE',
  'AU',
  'SG',
  'AE',
] as const;

/** The country's name in the visitor's language (the browser knows them: no data to ship). */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
