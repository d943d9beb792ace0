import { mulberry32 } from '../../../platform/prng.ts';
import { hash32 } from './text.ts';

/**
 * De-duplication and leak-free splitting. Records are grouped when they are exact copies or
 * near copies (MinHash estimate of the Jaccard similarity of their word shingles ≥ `minJaccard`,
 * candidates found by LSH banding); whole groups then go to one side of the split.
 */

export interface Record<L = number> {
  id: string;
  /** Text the similarity is measured on. */
  text: string;
  /** Records with the same key are one group whatever their similarity (e.g. title + description opening). */
  groupKey?: string;
  label: L;
}

/** The shared seeded PRNG (platform/prng.ts), by the name this module's callers use. */
export const prng = mulberry32;

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** Word shingles of `size` words (a short text gives its whole word list as one shingle). */
export function shingles(text: string, size = 3): Set<string> {
  const ws = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out = new Set<string>();
  if (ws.length < size) {
    if (ws.length > 0) out.add(ws.join(' '));
    return out;
  }
  for (let i = 0; i + size <= ws.length; i++) out.add(ws.slice(i, i + size).join(' '));
  return out;
}

export function minhash(set: Set<string>, perms: number): Uint32Array {
  const sig = new Uint32Array(perms).fill(0xffffffff);
  for (const s of set) {
    for (let p = 0; p < perms; p++) {
      const h = hash32(s, 0x9e3779b1 + p * 0x85ebca77);
      if (h < (sig[p] ?? 0)) sig[p] = h;
    }
  }
  return sig;
}

export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    let c = x;
    while (this.parent[c] !== r) {
      const next = this.parent[c] as number;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface GroupOptions {
  minJaccard: number;
  shingleSize: number;
  perms?: number;
  bands?: number;
}

/** Group index per record: exact copies and near copies share a group. */
export function nearDuplicateGroups(
  texts: readonly string[],
  opts: GroupOptions,
  groupKeys: readonly (string | undefined)[] = [],
): number[] {
  const perms = opts.perms ?? 64;
  const bands = opts.bands ?? 16;
  const rows = perms / bands;
  const uf = new UnionFind(texts.length);
  const exact = new Map<string, number>();
  const meet = (key: string, i: number) => {
    const first = exact.get(key);
    if (first === undefined) exact.set(key, i);
    else uf.union(first, i);
  };
  const sigs = texts.map((t, i) => {
    const key = t.toLowerCase().replace(/\s+/g, ' ').trim();
    meet(`=${key}`, i);
    // Same opening (a copy with a different ending or an appended paragraph).
    if (key.length >= 80) meet(`^${key.slice(0, 80)}`, i);
    const g = groupKeys[i];
    if (g) meet(`#${g}`, i);
    return minhash(shingles(t, opts.shingleSize), perms);
  });
  const candidates = new Set<string>();
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    sigs.forEach((sig, i) => {
      const key = Array.from(sig.subarray(b * rows, (b + 1) * rows)).join(',');
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const list of buckets.values()) {
      for (let x = 1; x < list.length; x++) candidates.add(`${list[0]},${list[x]}`);
      for (let x = 1; x + 1 < list.length; x++) candidates.add(`${list[x]},${list[x + 1]}`);
    }
  }
  for (const pair of candidates) {
    const [a, b] = pair.split(',').map(Number) as [number, number];
    if (estimatedJaccard(sigs[a] as Uint32Array, sigs[b] as Uint32Array) >= opts.minJaccard) uf.union(a, b);
  }
  return texts.map((_, i) => uf.find(i));
}

export interface Split<R> {
  train: R[];
  test: R[];
  groups: number;
  /** Records dropped as exact duplicates (same text and label) before splitting. */
  duplicatesDropped: number;
}

/**
 * De-duplicates exact copies (keeping the first), groups near copies, and puts whole groups in the
 * test side until it holds about `testShare` of each label (groups stratified by majority label).
 */
export function groupSplit<R extends Record>(
  records: readonly R[],
  opts: GroupOptions & { testShare: number; seed: number },
): Split<R> {
  const seen = new Set<string>();
  const unique: R[] = [];
  for (const r of records) {
    const key = `${r.label}|${r.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(r);
  }
  const groupOf = nearDuplicateGroups(
    unique.map((r) => r.text),
    opts,
    unique.map((r) => r.groupKey),
  );
  const groups = new Map<number, R[]>();
  unique.forEach((r, i) => {
    const g = groupOf[i] as number;
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  });
  const random = prng(opts.seed);
  const ordered = shuffle(
    [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members),
    random,
  );
  const train: R[] = [];
  const test: R[] = [];
  const totals = new Map<number, number>();
  for (const r of unique) totals.set(r.label, (totals.get(r.label) ?? 0) + 1);
  const inTest = new Map<number, number>();
  for (const members of ordered) {
    const pos = members.filter((m) => m.label === 1).length;
    const label = pos * 2 >= members.length ? 1 : 0;
    const want = (totals.get(label) ?? 0) * opts.testShare;
    if ((inTest.get(label) ?? 0) + members.length <= want + 0.5) {
      test.push(...members);
      inTest.set(label, (inTest.get(label) ?? 0) + members.length);
    } else {
      train.push(...members);
    }
  }
  return { train, test, groups: groups.size, duplicatesDropped: records.length - unique.length };
}
