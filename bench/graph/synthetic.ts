/**
 * A deterministic synthetic intelligence graph shaped like the domain, from a seeded PRNG:
 * - a few large networks (120k, 60k, 40k, 25k, 15k, 10k entities) around scam centres with
 *   hundreds of workers each, organisations operating them, recruiters, and selectors held by
 *   the workers; a few wallets and phones shared by very many of them (Zipf-like reuse);
 * - then networks of heavy-tailed size (2 to 3,000) made the same way, down to one person
 *   with a phone and a wallet from one report.
 * Edges come out shuffled (rows arrive in their own id order, not grouped by network), node ids
 * are UUID-shaped and scattered across the networks.
 */
import { seededRandom } from '../../server/src/features/intel/graph/index.ts';

export const NODE_TYPES = ['person', 'organisation', 'scam-centre', 'selector'] as const;
export const EDGE_TYPES = [
  'operates',
  'works-at',
  'recruits-for',
  'member-of',
  'holds-selector',
  'uses',
  'pays',
  'victim-of',
] as const;
const [PERSON, ORG, CENTRE, SELECTOR] = [0, 1, 2, 3];
const [OPERATES, WORKS_AT, RECRUITS, MEMBER_OF, HOLDS, USES, PAYS, VICTIM_OF] = [0, 1, 2, 3, 4, 5, 6, 7];

export interface SyntheticGraph {
  nodeCount: number;
  edgeCount: number;
  nodeType: Uint8Array;
  source: Uint32Array;
  target: Uint32Array;
  edgeType: Uint8Array;
  /** The planned networks, as [first node index, size], largest first. */
  plan: Array<[number, number]>;
  id(index: number): string;
}

const LARGE = [120_000, 60_000, 40_000, 25_000, 15_000, 10_000];

export function synthesise(nodeCount: number, edgeCount: number, seed = 20261125): SyntheticGraph {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const scale = nodeCount / 1_000_000;
  const plan: Array<[number, number]> = [];
  let next = 0;
  for (const size of LARGE) {
    const s = Math.max(2, Math.round(size * scale));
    if (next + s > nodeCount) break;
    plan.push([next, s]);
    next += s;
  }
  while (next < nodeCount) {
    const s = Math.min(nodeCount - next, Math.min(3000, Math.floor(2 / (random() ** 1.2 + 0.0005))));
    plan.push([next, Math.max(1, s)]);
    next += Math.max(1, s);
  }
  const nodeType = new Uint8Array(nodeCount);
  const source = new Uint32Array(edgeCount);
  const target = new Uint32Array(edgeCount);
  const edgeType = new Uint8Array(edgeCount);
  let m = 0;
  const add = (a: number, b: number, t: number) => {
    if (m >= edgeCount || a === b) return;
    source[m] = a;
    target[m] = b;
    edgeType[m++] = t;
  };
  // Edges beyond the spanning structure: what is left of the budget, shared by size beyond 30.
  const treeEdges = nodeCount - plan.length;
  const spare = Math.max(0, edgeCount - treeEdges);
  const smallExtra = plan.reduce((sum, [, s]) => sum + (s <= 30 ? Math.floor(s / 2) : 0), 0);
  const bigNodes = plan.reduce((sum, [, s]) => sum + (s > 30 ? s : 0), 0);
  const perBigNode = bigNodes > 0 ? Math.max(0, spare - smallExtra) / bigNodes : 0;

  interface Layout {
    c0: number;
    o0: number;
    p0: number;
    s0: number;
    end: number;
  }
  const layout = ([first, size]: [number, number]): Layout => {
    const centres = size >= 30 ? Math.max(1, Math.round(size / 600)) : 0;
    const orgs = size >= 30 ? Math.max(1, Math.round(size / 400)) : 0;
    const persons = Math.max(1, Math.round((size - centres - orgs) * 0.45));
    // [centres][organisations][persons][selectors]
    return {
      c0: first,
      o0: first + centres,
      p0: first + centres + orgs,
      s0: first + centres + orgs + persons,
      end: first + size,
    };
  };
  // First pass: a spanning structure per network, so that each planned network is connected.
  for (const net of plan) {
    const { c0, o0, p0, s0, end } = layout(net);
    const centres = o0 - c0;
    const orgs = p0 - o0;
    for (let v = c0; v < o0; v++) nodeType[v] = CENTRE;
    for (let v = o0; v < p0; v++) {
      nodeType[v] = ORG;
      add(v, c0 + ((v - o0) % centres), OPERATES); // orgs ≥ centres: every centre is operated
      if (v > o0) add(v, v - 1, PAYS); // shell companies paying each other
    }
    for (let v = p0; v < s0 && v < end; v++) {
      nodeType[v] = PERSON;
      if (v === p0) {
        if (orgs > 0) add(v, o0, MEMBER_OF);
        continue;
      }
      const roll = random();
      if (centres > 0 && roll < 0.7) add(v, c0 + int(centres), WORKS_AT);
      else if (orgs > 0 && roll < 0.8) add(v, o0 + int(orgs), MEMBER_OF);
      else add(v, p0 + int(v - p0), roll < 0.95 ? RECRUITS : VICTIM_OF);
    }
    for (let v = s0; v < end; v++) {
      nodeType[v] = SELECTOR;
      add(p0 + int(s0 - p0), v, HOLDS);
    }
  }
  // Second pass: the rest of the edge budget, mostly in the large networks.
  for (const net of plan) {
    const { c0, o0, p0, s0, end } = layout(net);
    const size = net[1];
    const persons = s0 - p0;
    const selectors = end - s0;
    if (selectors <= 0) continue;
    const centres = o0 - c0;
    const pickPerson = () => p0 + int(persons);
    // Zipf-like: a few selectors (a shared wallet, a call-centre phone) are used by very many.
    const pickSelector = () => s0 + Math.floor(selectors * random() ** 3);
    const extra = size <= 30 ? Math.floor(size / 2) : Math.round(size * perBigNode);
    for (let k = 0; k < extra; k++) {
      const roll = random();
      if (roll < 0.5) add(pickPerson(), pickSelector(), USES);
      else if (roll < 0.8) add(pickSelector(), pickSelector(), PAYS);
      else if (roll < 0.9 && centres > 0) add(pickPerson(), c0 + int(centres), WORKS_AT);
      else add(pickPerson(), pickPerson(), RECRUITS);
    }
  }
  // Top up to exactly `edgeCount` rows (pairs drawn on themselves were skipped).
  const big = plan.filter(([, size]) => size > 30);
  for (let k = 0; m < edgeCount && big.length > 0; k++) {
    const { p0, s0, end } = layout(big[k % big.length]!);
    add(p0 + int(s0 - p0), s0 + Math.floor((end - s0) * random() ** 3), USES);
  }
  // Rows arrive in their own order, not grouped by network.
  for (let i = m - 1; i > 0; i--) {
    const j = int(i + 1);
    for (const arr of [source, target] as const) {
      const t = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = t;
    }
    const t = edgeType[i]!;
    edgeType[i] = edgeType[j]!;
    edgeType[j] = t;
  }
  // Ids scattered across networks: a bijection of the index onto 0…n−1 (A coprime with n).
  let A = 611_953;
  while (gcd(A, nodeCount) !== 1) A++;
  const id = (index: number) =>
    `00000000-0000-4000-8000-${((index * A + 12_345) % nodeCount).toString(16).padStart(12, '0')}`;
  return {
    nodeCount,
    edgeCount: m,
    nodeType,
    source: source.subarray(0, m),
    target: target.subarray(0, m),
    edgeType: edgeType.subarray(0, m),
    plan,
    id,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
