import type { HandlePlatform } from './types.ts';

// Profile links → (platform, raw id). Only links that name a profile are accepted: links to posts,
// groups, invitations or encrypted usernames do not identify an account and are refused.

export type LinkResult = { platform: HandlePlatform; id: string } | { reason: string };

const HOSTS = new Map<string, HandlePlatform>(
  Object.entries({
    't.me': 'telegram',
    'telegram.me': 'telegram',
    'telegram.dog': 'telegram',
    'instagram.com': 'instagram',
    'instagr.am': 'instagram',
    'tiktok.com': 'tiktok',
    'x.com': 'x',
    'twitter.com': 'x',
    'facebook.com': 'facebook',
    'fb.com': 'facebook',
    'fb.me': 'facebook',
    'wa.me': 'whatsapp',
    'api.whatsapp.com': 'whatsapp',
    'whatsapp.com': 'whatsapp',
    'chat.whatsapp.com': 'whatsapp',
    'line.me': 'line',
    'signal.me': 'signal',
  } satisfies Record<string, HandlePlatform>),
);
const HOST_PREFIX = /^(?:www|m|mobile|web)\./;
const TELEGRAM_SUBDOMAIN = /^([a-z0-9_]+)\.t\.me$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const NUMERIC = /^\d+$/;
const NOT_A_PROFILE: Record<string, ReadonlySet<string>> = {
  instagram: new Set(['p', 'reel', 'reels', 'tv', 'explore', 'accounts', 'direct']),
  x: new Set(['i', 'home', 'search', 'intent', 'hashtag', 'share', 'explore', 'settings', 'messages']),
  facebook: new Set(['groups', 'share', 'watch', 'events', 'photo.php', 'story.php', 'permalink.php', 'marketplace']),
};

const notProfile = (platform: string): { reason: string } => ({ reason: `${platform} link does not name a profile` });

/** True when the value should be read as a link rather than a bare handle. */
export function looksLikeLink(value: string): boolean {
  return value.includes('/') || value.endsWith('.t.me') || SCHEME.test(value);
}

export function parseProfileLink(value: string): LinkResult {
  let url: URL;
  try {
    url = new URL(SCHEME.test(value) ? value : `https://${value}`);
  } catch {
    return { reason: 'not a valid link' };
  }
  if (url.protocol === 'tg:') {
    const domain = url.searchParams.get('domain');
    return domain ? { platform: 'telegram', id: domain } : notProfile('telegram');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { reason: `unsupported link scheme ${url.protocol}` };
  const host = url.hostname.replace(HOST_PREFIX, '');
  const sub = TELEGRAM_SUBDOMAIN.exec(host);
  if (sub) return { platform: 'telegram', id: sub[1]! };
  const platform = HOSTS.get(host);
  if (!platform) return { reason: `links on ${host} are not recognised as profile links` };
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const first = segments[0] ?? '';
  if (NOT_A_PROFILE[platform]?.has(first.toLowerCase())) return notProfile(platform);
  switch (platform) {
    case 'telegram':
      if (first === 's') return segments[1] ? { platform, id: segments[1] } : notProfile(platform);
      if (first.startsWith('+') || first === 'joinchat' || first === 'c') {
        return { reason: 'Telegram invitation or private-chat link, not a username' };
      }
      break;
    case 'instagram':
      if (first === 'stories' && segments[1]) return { platform, id: segments[1] };
      break;
    case 'tiktok':
      return first.startsWith('@') ? { platform, id: first } : notProfile(platform);
    case 'facebook':
      return facebookId(url, segments);
    case 'whatsapp':
      if (host === 'chat.whatsapp.com') return { reason: 'WhatsApp group invitation, not a phone number' };
      if (host === 'wa.me')
        return first ? { platform, id: first.startsWith('+') ? first : `+${first}` } : notProfile(platform);
      return whatsappPhone(url);
    case 'line':
      return lineId(segments);
    case 'signal':
      return url.hash.startsWith('#p/')
        ? { platform, id: url.hash.slice(3) }
        : { reason: 'Signal username links are encrypted; give the username or phone number' };
  }
  return first ? { platform, id: first } : notProfile(platform);
}

function whatsappPhone(url: URL): LinkResult {
  const phone = url.searchParams.get('phone');
  return phone ? { platform: 'whatsapp', id: phone.startsWith('+') ? phone : `+${phone}` } : notProfile('whatsapp');
}

function facebookId(url: URL, segments: string[]): LinkResult {
  const first = segments[0] ?? '';
  if (first === 'profile.php') {
    const id = url.searchParams.get('id');
    return id ? { platform: 'facebook', id } : notProfile('facebook');
  }
  // /people/Some-Name/1000123/ and /pages/Some-Name/1000123/: the number is the stable id.
  if (first === 'people' || first === 'pages') {
    const id = segments.find((s) => NUMERIC.test(s));
    return id ? { platform: 'facebook', id } : notProfile('facebook');
  }
  return first ? { platform: 'facebook', id: first } : notProfile('facebook');
}

function lineId(segments: string[]): LinkResult {
  // line.me/ti/p/~someid (personal LINE ID), line.me/R/ti/p/@official (official account).
  const path = segments[0] === 'R' ? segments.slice(1) : segments;
  const id = path[0] === 'ti' && path[1] === 'p' ? path[2] : undefined;
  if (id?.startsWith('~')) return { platform: 'line', id: id.slice(1) };
  if (id?.startsWith('@')) return { platform: 'line', id };
  if (id?.startsWith('%40')) return { platform: 'line', id: `@${id.slice(3)}` };
  return { reason: 'LINE link does not contain a LINE ID (QR/invitation tokens are not IDs)' };
}
