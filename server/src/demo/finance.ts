import type { NewTransaction } from '@cordon/contracts';
import type { FinanceFeature } from '../features/finance/index.ts';
import { germanIban, tronHex } from '../features/finance/synthetic.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { systemViewer } from '../platform/auth/viewer.ts';
import type { Database } from '../platform/db/database.ts';
import { prng } from './prng.ts';

/** Victims' home countries: 66 of them, from every region (the scams recruit and defraud worldwide). */
const VICTIM_COUNTRIES = [
  'TH',
  'PH',
  'ID',
  'VN',
  'MY',
  'SG',
  'KH',
  'LA',
  'MM',
  'CN',
  'TW',
  'HK',
  'JP',
  'KR',
  'IN',
  'BD',
  'LK',
  'NP',
  'PK',
  'AU',
  'NZ',
  'US',
  'CA',
  'MX',
  'BR',
  'AR',
  'CL',
  'CO',
  'PE',
  'GB',
  'IE',
  'FR',
  'DE',
  'NL',
  'BE',
  'ES',
  'PT',
  'IT',
  'CH',
  'AT',
  'PL',
  'CZ',
  'SE',
  'NO',
  'DK',
  'FI',
  'RO',
  'GR',
  'TR',
  'UA',
  'AE',
  'SA',
  'QA',
  'IL',
  'EG',
  'MA',
  'NG',
  'GH',
  'KE',
  'UG',
  'TZ',
  'ZA',
  'ET',
  'RW',
  'FJ',
  'PG',
];
const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' } as const;
const HOUR = 3_600_000;
const w = (seed: string) => ({ type: 'crypto' as const, value: tronHex(`demo:${seed}`) });

/**
 * Criminal-finance demo: victims in 66 countries pay USDT (TRC-20) into collection wallets and EUR
 * into collection accounts; the money is layered through mules within hours to exchanges and OTC
 * desks. FIU Thailand holds the records and has freeze requests under way with FIU Philippines.
 */
export async function seedDemoFinance(
  database: Database,
  finance: FinanceFeature,
): Promise<{ transactions: number; freezes: number }> {
  const r = prng(5005);
  const agencies = await database.db
    .selectFrom('agencies')
    .select(['id', 'country', 'region', 'name'])
    .where('kind', '=', 'fiu')
    .where('country', 'in', ['TH', 'PH'])
    .execute();
  const th = agencies.find((a) => a.country === 'TH');
  const ph = agencies.find((a) => a.country === 'PH');
  if (!th || !ph) return { transactions: 0, freezes: 0 };
  const viewer = (a: typeof th): Viewer => systemViewer(a, ['finance']);
  const vTh = viewer(th);
  const vPh = viewer(ph);

  const collections = ['c1', 'c2', 'c3', 'c4'];
  const mules = Array.from({ length: 14 }, (_, i) => `m${i}`);
  const exchanges = ['x-hx', 'x-bk', 'x-ok'];
  const otc = ['otc-1', 'otc-2'];
  const base = Date.UTC(2026, 2, 2, 2);
  const rows: NewTransaction[] = [];
  const bank: NewTransaction[] = [];
  const victimsByCollection = new Map<string, number[]>();
  for (let i = 0; i < 320; i++) {
    const country = VICTIM_COUNTRIES[i % VICTIM_COUNTRIES.length]!;
    const at = base + i * 4 * HOUR + r.int(0, 3 * HOUR);
    const iso = (t: number) => new Date(t).toISOString();
    if (i % 5 === 4) {
      // A bank transfer into a collection account in Europe, passed on by a mule account.
      const amount = `${r.int(500, 9000)}.${r.digits(2)}`;
      bank.push({
        sourceKey: `demo-lr-eur-${i}`,
        from: { type: 'iban', value: germanIban(`victim-${i}`) },
        to: { type: 'iban', value: germanIban('collection-eu-1') },
        amount,
        currency: 'EUR',
        occurredAt: iso(at),
        victimRef: `LR-${country}-${1000 + i}`,
        victimCountry: country,
        caseRef: 'TH-2026-0042',
      });
      const mule = germanIban(`mule-eu-${i % 3}`);
      const fwd = (Number(amount) * 0.97).toFixed(2);
      bank.push({
        sourceKey: `demo-str-eur-${i}-a`,
        from: { type: 'iban', value: germanIban('collection-eu-1') },
        to: { type: 'iban', value: mule },
        amount: fwd,
        currency: 'EUR',
        occurredAt: iso(at + r.int(2, 6) * HOUR),
      });
      bank.push({
        sourceKey: `demo-str-eur-${i}-b`,
        from: { type: 'iban', value: mule },
        to: { type: 'ewallet', provider: 'payflux', value: 'merchant-88213' },
        amount: (Number(fwd) * 0.99).toFixed(2),
        currency: 'EUR',
        occurredAt: iso(at + r.int(8, 20) * HOUR),
      });
      continue;
    }
    const c = collections[i % collections.length]!;
    const amount = `${r.int(150, 25_000)}.${r.digits(2)}`;
    victimsByCollection.set(c, [...(victimsByCollection.get(c) ?? []), rows.length]);
    rows.push({
      sourceKey: `demo-lr-${i}`,
      from: w(`victim-${i}`),
      to: w(c),
      amount,
      currency: 'USDT',
      occurredAt: iso(at),
      victimRef: `LR-${country}-${1000 + i}`,
      victimCountry: country,
      caseRef: 'TH-2026-0042',
    });
    // Layering: collection → mule within hours (a cut kept back), mule → exchange or OTC desk.
    const mule = mules[(i * 5 + r.int(0, 2)) % mules.length]!;
    const first = (Number(amount) * (0.9 + r.next() * 0.08)).toFixed(6);
    const t1 = at + r.int(1, 5) * HOUR;
    rows.push({ txHash: `demo-${i}-a`, from: w(c), to: w(mule), amount: first, currency: 'USDT', occurredAt: iso(t1) });
    const exit = r.next() < 0.75 ? exchanges[i % exchanges.length]! : otc[i % otc.length]!;
    const half = (Number(first) * 0.5).toFixed(6);
    const t2 = t1 + r.int(1, 8) * HOUR;
    rows.push({
      txHash: `demo-${i}-b`,
      from: w(mule),
      to: w(exit),
      amount: half,
      currency: 'USDT',
      occurredAt: iso(t2),
    });
    if (r.next() < 0.6) {
      const rest = (Number(first) - Number(half) - 1).toFixed(6);
      const next = mules[(mules.indexOf(mule) + 5) % mules.length]!;
      rows.push({
        txHash: `demo-${i}-c`,
        from: w(mule),
        to: w(next),
        amount: rest,
        currency: 'USDT',
        occurredAt: iso(t2 + HOUR),
      });
      rows.push({
        txHash: `demo-${i}-d`,
        from: w(next),
        to: w(exchanges[(i + 1) % exchanges.length]!),
        amount: rest,
        currency: 'USDT',
        occurredAt: iso(t2 + r.int(2, 6) * HOUR),
      });
    }
  }
  const chain = await finance.transactions.record(vTh, { source: 'chain', marking: GREEN, rows });
  const str = await finance.transactions.record(vTh, { source: 'str', marking: GREEN, rows: bank });
  await finance.transactions.putRates(vTh, [
    { currency: 'USDT', validFrom: '2026-01-01', usd: '0.9996' },
    { currency: 'USDT', validFrom: '2026-04-01', usd: '1.0001' },
    { currency: 'EUR', validFrom: '2026-01-01', usd: '1.0842' },
    { currency: 'EUR', validFrom: '2026-04-01', usd: '1.0915' },
    { currency: 'BTC', validFrom: '2026-01-01', usd: '94210.55' },
    { currency: 'ETH', validFrom: '2026-01-01', usd: '3312.4' },
    { currency: 'THB', validFrom: '2026-01-01', usd: '0.0291' },
    { currency: 'PHP', validFrom: '2026-01-01', usd: '0.0172' },
  ]);
  const idOf = async (seed: string) => (await finance.accounts.resolveAccount(vTh, w(seed))).id;
  for (const x of exchanges)
    await finance.accounts.tag(vTh, await idOf(x), 'exchange', 'KYC exchange, responds to FIU requests');
  for (const o of otc) await finance.accounts.tag(vTh, await idOf(o), 'otc-desk', 'Cash OTC desk near the border');
  for (const c of collections) await finance.accounts.tag(vTh, await idOf(c), 'collection', '');
  for (const m of mules.slice(0, 5)) await finance.accounts.tag(vTh, await idOf(m), 'mule', '');
  const processor = await finance.accounts.resolveAccount(vTh, {
    type: 'ewallet',
    provider: 'payflux',
    value: 'merchant-88213',
  });
  await finance.accounts.tag(vTh, processor.id, 'payment-processor', '');

  // Freezes under way: from FIU Thailand to FIU Philippines, on the exchange wallets the trace reaches.
  let freezes = 0;
  const plans: {
    collection: string;
    exchange: string;
    steps: ('acknowledged' | 'frozen' | 'seized' | 'forfeited' | 'returned')[];
    hours: number;
  }[] = [
    { collection: 'c1', exchange: 'x-hx', steps: [], hours: 24 },
    { collection: 'c2', exchange: 'x-bk', steps: ['acknowledged'], hours: 6 },
    { collection: 'c3', exchange: 'x-ok', steps: ['acknowledged', 'frozen'], hours: 48 },
    {
      collection: 'c4',
      exchange: 'x-hx',
      steps: ['acknowledged', 'frozen', 'seized', 'forfeited', 'returned'],
      hours: 24,
    },
  ];
  for (const [k, plan] of plans.entries()) {
    const ids = (victimsByCollection.get(plan.collection) ?? [])
      .slice(0, 40)
      .map((i) => chain.ids[i])
      .filter((x): x is string => !!x);
    if (ids.length === 0) continue;
    const trace = await finance.tracing.trace(vTh, { transactionIds: ids, model: 'fifo', hops: 6 }, { audit: false });
    const exchangeId = await idOf(plan.exchange);
    const held = trace.nodes.find((n) => n.accountId === exchangeId)?.held;
    if (!held || held === '0') continue;
    const f = await finance.freezes.create(vTh, {
      targetAgencyId: ph.id,
      accountId: exchangeId,
      amount: held,
      currency: 'USDT',
      originTransactionIds: ids,
      model: 'fifo',
      legalBasis: 'Urgent payment-stop request (I-GRIP); AMLO Act s. 48; MLA treaty TH–PH art. 7',
      evidence: [`https://cordon.example/finance/cases/TH-2026-0042/${k + 1}`],
      deadlineHours: plan.hours,
      caseRef: `TH-2026-0042/${k + 1}`,
      operationRef: 'OP-MEKONG-LEDGER',
      send: true,
    });
    for (const to of plan.steps) {
      const amount = to === 'frozen' ? (Number(held) * 0.8).toFixed(6) : undefined;
      await finance.freezes.transition(vPh, f.id, { to, ...(amount ? { amount } : {}) });
    }
    freezes++;
  }
  return { transactions: chain.created + str.created, freezes };
}
