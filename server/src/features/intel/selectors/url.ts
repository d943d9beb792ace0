import { fail, ok, refang } from './common.ts';
import { parseHostName } from './domain.ts';
import type { NormaliseResult } from './types.ts';

// Canonical form: the WHATWG URL serialisation (what browsers do: lower-case scheme and host,
// punycode host, default port dropped, dot segments resolved, IPv4 forms like 0x7f.1 resolved),
// then: fragment dropped (kept in details.fragment because hash-routed scam apps put invite codes
// there), well-known tracking parameters dropped, percent-escapes upper-cased and unreserved ones
// decoded (RFC 3986 §6.2.2). The order of the remaining query parameters is kept: it is observed
// data, and a re-ordering rule would only be a guess about the server.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const PERCENT_ESCAPE = /%[0-9a-fA-F]{2}/g;
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const IPV4_HOST = /^[\d.]+$/;

const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function normaliseEscape(percent: string): string {
  const char = String.fromCharCode(Number.parseInt(percent.slice(1), 16));
  return UNRESERVED.test(char) ? char : percent.toUpperCase();
}

function normaliseEscapes(text: string): string {
  return text.includes('%') ? text.replace(PERCENT_ESCAPE, normaliseEscape) : text;
}

function stripTracking(search: string): string {
  if (search.length <= 1) return '';
  const kept: string[] = [];
  for (const pair of search.slice(1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (!isTracking(eq < 0 ? pair : pair.slice(0, eq))) kept.push(normaliseEscapes(pair));
  }
  return kept.length === 0 ? '' : `?${kept.join('&')}`;
}

export function normaliseUrl(value: string): NormaliseResult {
  const text = refang(value);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined)
    return fail('a URL must start with http:// or https:// (use kind domain for a bare host name)');
  if (scheme !== 'http' && scheme !== 'https') return fail(`only http and https URLs are accepted, not ${scheme}:`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('not a valid URL');
  }
  const details: Record<string, string> = { scheme };
  let hostname = url.hostname;
  if (hostname[0] === '[' || IPV4_HOST.test(hostname)) {
    details.ip = hostname[0] === '[' ? hostname.slice(1, -1) : hostname;
  } else {
    const host = parseHostName(hostname);
    if (typeof host === 'string') return fail(`invalid URL host: ${host}`);
    hostname = host.ascii; // without the trailing dot WHATWG keeps
    details.domain = host.ascii;
    details.registrable = host.registrable;
  }
  if (url.hash.length > 1) details.fragment = url.hash.slice(1);
  const userinfo = url.username === '' ? '' : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
  const canonical = `${scheme}://${userinfo}${hostname}${url.port === '' ? '' : `:${url.port}`}${normaliseEscapes(url.pathname)}${stripTracking(url.search)}`;
  return ok('url', canonical, canonical, details);
}
