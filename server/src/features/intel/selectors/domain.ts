import { isIP } from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { fail, ok, refang } from './common.ts';
import type { NormaliseResult } from './types.ts';

export interface ParsedHost {
  /** Lower-case ASCII (punycode) host name without trailing dot. */
  ascii: string;
  unicode: string;
  /** Registrable domain ("eTLD+1"), taking private suffixes such as github.io into account. */
  registrable: string;
  publicSuffix: string;
}

// LDH rule (RFC 1123 / 5890): letters, digits, hyphen; no hyphen at either end; 1–63 octets.
// Underscores are refused: they are legal in DNS record names but not in host names.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NOT_A_HOST = /[/:@\s?#]/;

// Options objects are built once: tldts would otherwise merge defaults into a new object per call.
// The input is already a host name, so hostname extraction and validation are skipped.
const WITH_PRIVATE = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false };
const ICANN_ONLY = { allowPrivateDomains: false, extractHostname: false, validateHostname: false, detectIp: false };

/**
 * Validates a host name (Unicode or ASCII) and reduces it to lower-case punycode.
 * Returns the parsed host or a reason.
 */
export function parseHostName(input: string): ParsedHost | string {
  let host = input.endsWith('.') ? input.slice(0, -1) : input;
  if (host === '') return 'empty domain name';
  if (isIP(host) !== 0 || host[0] === '[') return 'an IP address is not a domain name (use kind ip)';
  if (NOT_A_HOST.test(host)) return 'not a domain name (URLs and e-mail addresses have their own kinds)';
  // UTS #46 processing as browsers do it: case folding, width folding, IDNA2008 (ß stays ß → xn--).
  host = domainToASCII(host);
  if (host === '') return 'not a valid internationalised domain name';
  if (host.length > 253) return 'domain name longer than 253 characters';
  const labels = host.split('.');
  if (labels.length < 2) return 'a single label is not a registrable domain name';
  for (const label of labels) {
    if (!LABEL.test(label)) return `invalid label '${label}' (letters, digits and inner hyphens only, 1–63 characters)`;
  }
  let result = parse(host, WITH_PRIVATE);
  if (!result.isIcann && !result.isPrivate) return `unknown top-level domain '.${result.publicSuffix ?? ''}'`;
  // A private suffix is itself a domain someone registered (github.io, blogspot.com): fall back to
  // the ICANN rules for it rather than reject it.
  if (!result.domain) result = parse(host, ICANN_ONLY);
  if (!result.domain) return `'${host}' is a public suffix, not a registrable domain`;
  return {
    ascii: host,
    unicode: domainToUnicode(host),
    registrable: result.domain,
    publicSuffix: result.publicSuffix ?? '',
  };
}

export function normaliseDomain(value: string): NormaliseResult {
  const parsed = parseHostName(refang(value));
  if (typeof parsed === 'string') return fail(parsed);
  const details: Record<string, string> = { registrable: parsed.registrable, publicSuffix: parsed.publicSuffix };
  // Show both forms of an IDN: the Unicode form alone can be a homograph of a well-known name.
  let display = parsed.ascii;
  if (parsed.unicode !== parsed.ascii) {
    details.unicode = parsed.unicode;
    display = `${parsed.unicode} (${parsed.ascii})`;
  }
  return ok('domain', parsed.ascii, display, details);
}
