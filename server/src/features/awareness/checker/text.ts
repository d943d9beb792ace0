/**
 * Text features shared by training and checking: normalisation, tokens, hashed n-grams.
 * Pure and deterministic (same text → same features on every machine).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Lower-cased text with HTML entities decoded, EMSCAD's anonymised tokens and URLs made generic. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/&(#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)) || 32);
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/#(URL|EMAIL|PHONE)_[0-9a-f]+#/gi, (_m, k: string) => ` ${k.toLowerCase()}tok `)
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' urltok ')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, ' emailtok ')
    .replace(/\+?\d[\d\s().-]{7,}\d/g, ' phonetok ')
    .toLowerCase();
}

/** Word tokens (letters of any script and digits); digits runs become a shape token. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}]+|\d+/gu)) {
    const w = m[0];
    out.push(/^\d+$/.test(w) ? `#d${Math.min(w.length, 6)}` : w);
  }
  return out;
}

/** 32-bit FNV-1a of a string, then a murmur finaliser (good spread for small tables). */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface FeatureOptions {
  /** Number of hash buckets (a power of two). */
  buckets: number;
  /** Character n-gram sizes over the text (none: words only). */
  charNgrams: number[];
}

/** Named terms of a text: word unigrams, word bigrams and (optionally) character n-grams. */
export function terms(text: string, opts: FeatureOptions): string[] {
  const norm = normaliseText(text);
  const ws = words(norm);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    out.push(`w:${ws[i]}`);
    if (i + 1 < ws.length) out.push(`b:${ws[i]} ${ws[i + 1]}`);
  }
  if (opts.charNgrams.length > 0) {
    const squashed = ` ${ws.join(' ')} `;
    for (const n of opts.charNgrams) {
      for (let i = 0; i + n <= squashed.length; i++) out.push(`c${n}:${squashed.slice(i, i + n)}`);
    }
  }
  return out;
}

/** Sparse vector: bucket → value, L2-normalised binary presence (log-scaled counts). */
export interface Sparse {
  idx: Int32Array;
  val: Float64Array;
}

export function vectorise(termList: readonly string[], buckets: number): Sparse {
  const counts = new Map<number, number>();
  for (const t of termList) {
    const b = hash32(t) & (buckets - 1);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const idx = new Int32Array(keys.length);
  const val = new Float64Array(keys.length);
  let norm = 0;
  keys.forEach((k, i) => {
    const v = 1 + Math.log(counts.get(k) ?? 1);
    idx[i] = k;
    val[i] = v;
    norm += v * v;
  });
  const n = Math.sqrt(norm) || 1;
  for (let i = 0; i < val.length; i++) val[i] = (val[i] ?? 0) / n;
  return { idx, val };
}
