import { fail, ok } from './common.ts';
import { looksLikeLink, parseProfileLink } from './handle-links.ts';
import { parsePhone } from './phone.ts';
import { HANDLE_PLATFORMS, type HandlePlatform, type NormaliseResult, type SelectorInput } from './types.ts';

// Key: handle:<platform>:<id>. The platform is always part of the key: the same user name on two
// platforms is two different accounts, possibly of two different people. Every platform below
// treats user names case-insensitively, so ids are lower-cased. WhatsApp accounts are phone
// numbers (E.164, like the phone kind); Signal accounts are phone numbers or user names.

interface Rule {
  name: string;
  pattern: RegExp;
  rule: string;
  /** Strip one leading '@' before checking (the '@' is how the name is written, not part of it). */
  at: boolean;
  display: (id: string) => string;
}

const atName = (id: string) => `@${id}`;
const NAME_RULES: Record<Exclude<HandlePlatform, 'whatsapp' | 'signal'>, Rule> = {
  // 5–32 characters; 4-character names exist as paid "collectible" usernames since 2022.
  telegram: {
    name: 'Telegram',
    pattern: /^[a-z][a-z0-9_]{2,30}[a-z0-9]$/,
    rule: '4–32 letters, digits and _, starting with a letter',
    at: true,
    display: atName,
  },
  instagram: {
    name: 'Instagram',
    pattern: /^(?!\.)(?!.*\.\.)[a-z0-9._]{1,30}(?<!\.)$/,
    rule: '1–30 letters, digits, _ and inner dots',
    at: true,
    display: atName,
  },
  tiktok: {
    name: 'TikTok',
    pattern: /^[a-z0-9._]{2,24}(?<!\.)$/,
    rule: '2–24 letters, digits, _ and .',
    at: true,
    display: atName,
  },
  x: { name: 'X', pattern: /^[a-z0-9_]{1,15}$/, rule: '1–15 letters, digits and _', at: true, display: atName },
  // Facebook ignores dots in user names (john.smith = johnsmith); numeric profile ids are also ids.
  facebook: {
    name: 'Facebook',
    pattern: /^(?:\d{5,20}|[a-z0-9]{5,50})$/,
    rule: '5–50 letters, digits and dots, or a numeric profile id',
    at: false,
    display: (id) => `facebook.com/${id}`,
  },
  // LINE IDs: 4–20 of a-z 0-9 . - _; official accounts are written with '@', which is kept because
  // official and personal IDs are separate name spaces.
  line: {
    name: 'LINE',
    pattern: /^@?[a-z0-9._-]{4,20}$/,
    rule: '4–20 letters, digits, . - _',
    at: false,
    display: (id) => id,
  },
  wechat: {
    name: 'WeChat',
    pattern: /^[a-z][a-z0-9_-]{5,19}$/,
    rule: '6–20 letters, digits, _ and -, starting with a letter',
    at: false,
    display: (id) => id,
  },
};

// Signal user names: nickname (3–32, letters, digits, _, not starting with a digit) + '.' + at
// least two digits, e.g. scamboss.07.
const SIGNAL_USERNAME = /^[a-z_][a-z0-9_]{2,31}\.\d{2,10}$/;
const FACEBOOK_DOTS = /\./g;
const FACEBOOK_ID = /^\d+$/;
const PLATFORM_NAMES: ReadonlySet<string> = new Set(HANDLE_PLATFORMS);

function phoneHandle(platform: 'whatsapp' | 'signal', id: string, country: string | undefined): NormaliseResult {
  const phone = parsePhone(id, country);
  const name = platform === 'whatsapp' ? 'WhatsApp' : 'Signal';
  if (typeof phone === 'string') return fail(`${name} account: ${phone}`);
  const details: Record<string, string> = { platform, type: 'phone', callingCode: phone.details.callingCode ?? '' };
  if (phone.details.country) details.country = phone.details.country;
  if (phone.details.type) details.numberType = phone.details.type;
  return ok('handle', `${platform}:${phone.e164}`, `${phone.display} (${name})`, details);
}

export function normaliseHandle(value: string, input: SelectorInput): NormaliseResult {
  let platform = input.platform;
  if (platform !== undefined && !PLATFORM_NAMES.has(platform)) {
    return fail(`unsupported platform '${platform}' (supported: ${HANDLE_PLATFORMS.join(', ')})`);
  }
  let id = value;
  if (looksLikeLink(value)) {
    const link = parseProfileLink(value);
    if ('reason' in link) return fail(link.reason);
    if (platform !== undefined && link.platform !== platform)
      return fail(`the link is for ${link.platform}, not ${platform}`);
    platform = link.platform;
    id = link.id;
  }
  if (platform === undefined) return fail('a handle needs a platform (or a profile link that names it)');
  if (platform === 'whatsapp') return phoneHandle(platform, id, input.country);
  let lower = id.toLowerCase();
  if (platform === 'signal') {
    if (SIGNAL_USERNAME.test(lower)) {
      return ok('handle', `signal:${lower}`, `${lower} (Signal)`, { platform, type: 'username' });
    }
    return phoneHandle(platform, id, input.country);
  }
  const rule = NAME_RULES[platform];
  if (rule.at && lower[0] === '@') lower = lower.slice(1);
  if (platform === 'facebook') lower = lower.replace(FACEBOOK_DOTS, '');
  if (!rule.pattern.test(lower)) return fail(`not a valid ${rule.name} handle (${rule.rule})`);
  const type = platform === 'facebook' && FACEBOOK_ID.test(lower) ? 'id' : 'username';
  return ok('handle', `${platform}:${lower}`, `${rule.display(lower)} (${rule.name})`, { platform, type });
}
