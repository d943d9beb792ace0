import { fail, ok, refang } from './common.ts';
import { parseHostName } from './domain.ts';
import type { NormaliseResult } from './types.ts';

// Canonical form (see README): the domain is validated like a `domain` selector (punycode, public
// suffix list); the local part is lower-cased, a "+tag" is removed, and for Gmail the dots are
// removed and googlemail.com becomes gmail.com. RFC 5321 lets the local part be case-sensitive, but
// practically every provider ignores case, and a missed match costs more than a false lead that an
// analyst can dismiss. Quoted local parts ("john doe"@…) and IP-literal domains are refused: they
// do not occur in scam traffic and would only complicate matching.

// RFC 5322 dot-atom, widened to Unicode letters and digits for internationalised addresses (RFC 6531).
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const MAILTO = /^mailto:/i;
const NON_ASCII = /[^ -~]/; // anything outside printable ASCII
const DOTS = /\./g;
const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

export function normaliseEmail(value: string): NormaliseResult {
  const text = refang(value).replace(MAILTO, '');
  const at = text.lastIndexOf('@');
  if (at < 0) return fail("not an e-mail address (no '@')");
  let local = text.slice(0, at);
  if (local === '') return fail('e-mail address has an empty local part');
  if (local.length > 64) return fail('e-mail local part longer than 64 characters');
  if (!LOCAL_PART.test(local)) return fail(`invalid e-mail local part '${local}'`);
  const host = parseHostName(text.slice(at + 1));
  if (typeof host === 'string') return fail(`invalid e-mail domain: ${host}`);

  if (NON_ASCII.test(local)) local = local.normalize('NFC');
  local = local.toLowerCase();
  const details: Record<string, string> = { domain: host.ascii, registrable: host.registrable };
  // Sub-addressing: "name+anything" is delivered to "name" by Gmail, Outlook, iCloud, Proton,
  // Fastmail, Yahoo (with '-', not handled) … Only a tag after a non-empty name is removed.
  const plus = local.indexOf('+');
  if (plus > 0) {
    details.tag = local.slice(plus + 1);
    local = local.slice(0, plus);
  }
  let domain = host.ascii;
  if (GMAIL_DOMAINS.has(domain)) {
    // Gmail ignores dots in the user name; googlemail.com is the same service (Germany, UK).
    domain = 'gmail.com';
    local = local.replace(DOTS, '');
    if (local === '') return fail('e-mail local part is empty once Gmail dots are removed');
    details.domain = domain;
    details.registrable = domain;
  }
  const address = `${local}@${domain}`;
  const display = host.unicode === host.ascii ? address : `${local}@${host.unicode}`;
  return ok('email', address, display, details);
}
