import type { SelectorInput } from '../../intel/selectors/index.ts';

/**
 * Candidate selectors in free text (links, domains, phone numbers, handles, wallets). Only
 * candidates: each goes through intel's normaliser, which refuses what is not a real selector.
 */
export function selectorCandidates(text: string, country?: string): SelectorInput[] {
  const out: SelectorInput[] = [];
  const add = (c: SelectorInput) => {
    if (out.length < 40) out.push(c);
  };
  const clipped = text.slice(0, 20_000);
  for (const m of clipped.matchAll(/\b(?:https?|hxxps?):\/\/[^\s<>"')]+/giu)) {
    add({ kind: 'url', value: m[0] });
    const tme = /t\.me\/([a-z][a-z0-9_]{3,31})/i.exec(m[0]);
    if (tme) add({ kind: 'handle', value: m[0], platform: 'telegram' });
    if (/wa\.me\//i.test(m[0])) add({ kind: 'handle', value: m[0], platform: 'whatsapp' });
  }
  for (const m of clipped.matchAll(/\b(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}\b/giu)) {
    if (!/^\d+(\.\d+)+$/.test(m[0])) add({ kind: 'domain', value: m[0] });
  }
  for (const m of clipped.matchAll(/(?:\+|00)?\d[\d\s().-]{6,18}\d/gu)) {
    add({ kind: 'phone', value: m[0], ...(country ? { country } : {}) });
  }
  for (const m of clipped.matchAll(/(?:^|[\s(])@([a-z][a-z0-9_]{3,31})\b/giu)) {
    add({ kind: 'handle', value: `@${m[1]}`, platform: 'telegram' });
  }
  for (const m of clipped.matchAll(
    /\b(0x[0-9a-f]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})\b/gu,
  )) {
    add({ kind: 'crypto', value: m[1] as string });
  }
  return out;
}

/** What a visitor typed in the "phone / handle / link / company site" boxes, as candidates. */
export function fieldCandidates(
  fields: { link?: string; phone?: string; handle?: string; sender?: string },
  country?: string,
): SelectorInput[] {
  const out: SelectorInput[] = [];
  const c = country ? { country } : {};
  if (fields.link) {
    out.push(
      { kind: 'url', value: fields.link },
      { kind: 'domain', value: fields.link.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '' },
    );
  }
  if (fields.phone) out.push({ kind: 'phone', value: fields.phone, ...c });
  for (const v of [fields.handle, fields.sender]) {
    if (!v) continue;
    for (const platform of [
      'telegram',
      'line',
      'wechat',
      'whatsapp',
      'instagram',
      'facebook',
      'tiktok',
      'x',
    ] as const) {
      out.push({ kind: 'handle', value: v, platform, ...c });
    }
    out.push({ kind: 'phone', value: v, ...c }, { kind: 'email', value: v }, { kind: 'domain', value: v });
  }
  return out;
}
