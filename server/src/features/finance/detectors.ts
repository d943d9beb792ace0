import { D, type Dec } from './money.ts';

/**
 * Detectors (pure): collection accounts (many victims paying in), mule accounts (money passed on
 * fast) and cash-out points (exchanges, OTC desks, payment processors receiving victims' money),
 * ranked by a score, each with the evidence behind it in words and the transactions it rests on.
 */
export interface DetectTx {
  id: string;
  from: string | null;
  to: string;
  amount: string;
  currency: string;
  at: number;
  victimRef: string | null;
  victimCountry: string | null;
}

export interface Finding {
  kind: 'collection' | 'mule' | 'cash-out';
  account: string;
  score: number;
  evidence: string[];
  transactionIds: string[];
}

export interface DetectOptions {
  /** Victims needed to call an account a collection account (default 3). */
  minVictims?: number;
  /** Pass-through window for mules (default 48 h) and the share passed on (default 0.8). */
  muleWindowMs?: number;
  muleShare?: number;
  /** Tags per account (exchange, otc-desk, payment-processor…). */
  tags?: ReadonlyMap<string, readonly string[]>;
}

const HOUR = 3_600_000;
const CASH_OUT_TAGS = ['exchange', 'otc-desk', 'payment-processor'];

const fmt = (m: Map<string, Dec>) => [...m].map(([c, v]) => `${v.toFixed()} ${c}`).join(', ');
const add = (m: Map<string, Dec>, c: string, v: string) => m.set(c, (m.get(c) ?? new D(0)).plus(v));

export function detect(txs: readonly DetectTx[], o: DetectOptions = {}): Finding[] {
  const minVictims = o.minVictims ?? 3;
  const window = o.muleWindowMs ?? 48 * HOUR;
  const share = o.muleShare ?? 0.8;
  const inbound = new Map<string, DetectTx[]>();
  const outbound = new Map<string, DetectTx[]>();
  for (const t of txs) {
    inbound.set(t.to, [...(inbound.get(t.to) ?? []), t]);
    if (t.from) outbound.set(t.from, [...(outbound.get(t.from) ?? []), t]);
  }
  const findings: Finding[] = [];
  const victimFed = new Set<string>();

  for (const [acc, ins] of inbound) {
    const victimTx = ins.filter((t) => t.victimRef !== null);
    const victims = new Set(victimTx.map((t) => t.victimRef));
    if (victims.size > 0) victimFed.add(acc);
    if (victims.size >= minVictims) {
      const countries = new Set(victimTx.map((t) => t.victimCountry).filter((c) => c !== null));
      const totals = new Map<string, Dec>();
      for (const t of victimTx) add(totals, t.currency, t.amount);
      const times = victimTx.map((t) => t.at).sort((a, b) => a - b);
      findings.push({
        kind: 'collection',
        account: acc,
        score: victims.size * (1 + countries.size / 10),
        evidence: [
          `${victims.size} victims from ${countries.size} countries paid in`,
          `received ${fmt(totals)} from victims`,
          `between ${new Date(times[0]!).toISOString().slice(0, 10)} and ${new Date(times.at(-1)!).toISOString().slice(0, 10)}`,
        ],
        transactionIds: victimTx.map((t) => t.id).slice(0, 200),
      });
    }
  }

  for (const [acc, outs] of outbound) {
    const ins = inbound.get(acc) ?? [];
    if (ins.length === 0) continue;
    const inByCur = new Map<string, Dec>();
    const fastByCur = new Map<string, Dec>();
    const delays: number[] = [];
    const used: string[] = [];
    for (const i of ins) {
      add(inByCur, i.currency, i.amount);
      const next = outs.filter((x) => x.currency === i.currency && x.at >= i.at && x.at - i.at <= window);
      if (next.length === 0) continue;
      delays.push(next[0]!.at - i.at);
      used.push(i.id, ...next.map((x) => x.id));
    }
    for (const x of outs) {
      const prior = ins.some((i) => i.currency === x.currency && x.at >= i.at && x.at - i.at <= window);
      if (prior) add(fastByCur, x.currency, x.amount);
    }
    let best = 0;
    for (const [c, total] of inByCur) {
      const passed = fastByCur.get(c) ?? new D(0);
      best = Math.max(best, D.min(passed.div(total), 1).toNumber());
    }
    if (best < share || delays.length === 0) continue;
    delays.sort((a, b) => a - b);
    const median = delays[Math.floor(delays.length / 2)]!;
    findings.push({
      kind: 'mule',
      account: acc,
      score: best * (1 + 24 / (1 + median / HOUR)) * Math.min(ins.length, 10),
      evidence: [
        `received ${fmt(inByCur)}, passed on ${Math.round(best * 100)}% within ${Math.round(window / HOUR)} h`,
        `median time to pass on: ${(median / HOUR).toFixed(1)} h`,
        `${ins.length} transfers in, ${outs.length} out`,
      ],
      transactionIds: [...new Set(used)].slice(0, 200),
    });
  }

  const mules = new Set(findings.filter((f) => f.kind === 'mule' || f.kind === 'collection').map((f) => f.account));
  for (const [acc, ins] of inbound) {
    const tags = o.tags?.get(acc) ?? [];
    const cashTags = tags.filter((t) => CASH_OUT_TAGS.includes(t));
    const fromLaundering = ins.filter((t) => t.from !== null && (mules.has(t.from) || victimFed.has(t.from)));
    if (cashTags.length === 0 || fromLaundering.length === 0) continue;
    const totals = new Map<string, Dec>();
    for (const t of fromLaundering) add(totals, t.currency, t.amount);
    const senders = new Set(fromLaundering.map((t) => t.from));
    findings.push({
      kind: 'cash-out',
      account: acc,
      score: senders.size * 2 + fromLaundering.length,
      evidence: [
        `tagged ${[...new Set(cashTags)].join(', ')}`,
        `received ${fmt(totals)} from ${senders.size} collection or mule accounts`,
      ],
      transactionIds: fromLaundering.map((t) => t.id).slice(0, 200),
    });
  }
  return findings.sort((a, b) => b.score - a.score || a.account.localeCompare(b.account));
}
