import type { NewCampaign } from '@cordon/contracts';
import type { AwarenessFeature } from '../features/awareness/index.ts';
import type { ReportsService } from '../features/intel/reports.service.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { systemViewer } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { Database } from '../platform/db/database.ts';

/**
 * Public-portal demo data: a TLP:CLEAR warning list (so the checkers have something to match),
 * two campaigns, a few public reports in the triage queues, and a support directory marked as
 * demonstration data (the names, numbers and addresses are invented, not real services).
 */
const DIRECTORY: {
  country: string;
  kind: string;
  name: string;
  phone?: string;
  url?: string;
  languages: string[];
  notes: string;
}[] = [
  {
    country: 'ID',
    kind: 'hotline',
    name: 'Migrant worker protection hotline (demo)',
    phone: '+62 21 5000 0101',
    languages: ['id', 'en'],
    notes: '24 hours, free of charge.',
  },
  {
    country: 'ID',
    kind: 'embassy',
    name: 'Embassy of Indonesia in Phnom Penh, citizen service (demo)',
    phone: '+855 23 000 101',
    url: 'https://embassy-id.example/kh',
    languages: ['id', 'en'],
    notes: 'For Indonesians held or stranded in Cambodia.',
  },
  {
    country: 'ID',
    kind: 'ngo',
    name: 'Jaringan Pekerja Aman (demo)',
    url: 'https://pekerja-aman.example',
    languages: ['id'],
    notes: 'Checks job offers abroad for free.',
  },
  {
    country: 'VN',
    kind: 'hotline',
    name: 'Anti-trafficking hotline of Viet Nam (demo)',
    phone: '+84 24 0000 1111',
    languages: ['vi'],
    notes: 'Free, confidential.',
  },
  {
    country: 'VN',
    kind: 'embassy',
    name: 'Embassy of Viet Nam in Yangon, consular section (demo)',
    phone: '+95 1 000 222',
    languages: ['vi', 'en'],
    notes: 'Citizen protection for Myanmar.',
  },
  {
    country: 'TH',
    kind: 'hotline',
    name: 'Cyber fraud reporting line (demo)',
    phone: '+66 2 000 1441',
    languages: ['th', 'en'],
    notes: 'Report online scams and fake job ads.',
  },
  {
    country: 'TH',
    kind: 'shelter',
    name: 'Safe Passage shelter, Mae Sot (demo)',
    phone: '+66 55 000 333',
    languages: ['th', 'my', 'en'],
    notes: 'Shelter and care for people leaving scam compounds.',
  },
  {
    country: 'PH',
    kind: 'hotline',
    name: 'Inter-agency anti-trafficking action line (demo)',
    phone: '+63 2 8000 1343',
    languages: ['fil', 'en'],
    notes: 'Also for families of missing workers.',
  },
  {
    country: 'PH',
    kind: 'reporting-point',
    name: 'Airport departure assistance desk (demo)',
    languages: ['fil', 'en'],
    notes: 'Ask here before you board if a job offer worries you.',
  },
  {
    country: 'CN',
    kind: 'hotline',
    name: 'Anti-fraud consultation line (demo)',
    phone: '+86 10 0000 9610',
    languages: ['zh'],
    notes: 'Consultation on suspected fraud.',
  },
  {
    country: 'IN',
    kind: 'hotline',
    name: 'Overseas workers helpline (demo)',
    phone: '+91 11 0000 1930',
    languages: ['hi', 'en'],
    notes: 'Help for workers abroad and their families.',
  },
  {
    country: 'IN',
    kind: 'embassy',
    name: 'Embassy of India in Vientiane, community welfare (demo)',
    phone: '+856 21 000 444',
    languages: ['hi', 'en'],
    notes: 'Assistance for Indians in Laos.',
  },
  {
    country: 'KE',
    kind: 'ngo',
    name: 'Homeward Kenya family support (demo)',
    phone: '+254 20 000 5555',
    languages: ['sw', 'en'],
    notes: 'Supports families of Kenyans trapped abroad.',
  },
  {
    country: 'KH',
    kind: 'shelter',
    name: 'Homeward Shelter Network, Phnom Penh (demo)',
    phone: '+855 12 000 666',
    languages: ['km', 'en'],
    notes: 'Shelter for rescued workers of any nationality.',
  },
];

const CAMPAIGNS: (NewCampaign & { agencyCountry: string })[] = [
  {
    agencyCountry: 'ID',
    code: 'kerja-aman',
    name: 'Safe work abroad (Indonesia)',
    messages: {
      en: {
        title: 'A job abroad with free flights and no experience?',
        body: 'Check the offer here before you go. Never hand over your passport.',
      },
      id: {
        title: 'Kerja di luar negeri, tiket gratis, tanpa pengalaman?',
        body: 'Cek tawarannya di sini sebelum berangkat. Jangan pernah menyerahkan paspor Anda.',
      },
    },
    targetCountries: ['ID'],
    ageGroups: ['18-24', '25-34'],
    channels: ['tiktok', 'facebook'],
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  },
  {
    agencyCountry: 'TH',
    code: 'too-good-to-be-true',
    name: 'Too good to be true (Mekong region)',
    messages: {
      en: {
        title: 'Too good to be true? It probably is.',
        body: 'Scam compounds recruit with high pay and free travel. Check before you answer.',
      },
      th: { title: 'ดีเกินจริงหรือเปล่า?', body: 'แก๊งคอลเซ็นเตอร์หลอกด้วยเงินเดือนสูงและตั๋วฟรี ตรวจสอบก่อนตอบรับ' },
      vi: {
        title: 'Tốt đến mức khó tin?',
        body: 'Các trung tâm lừa đảo tuyển người bằng lương cao và vé miễn phí. Hãy kiểm tra trước khi trả lời.',
      },
    },
    targetCountries: ['TH', 'VN', 'LA', 'MM', 'KH'],
    ageGroups: ['18-24'],
    channels: ['line', 'facebook'],
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  },
];

export async function seedDemoAwareness(
  database: Database,
  deps: { clock: Clock; awareness: AwarenessFeature; intel: Pick<ReportsService, 'submit'> },
): Promise<{ directory: number; campaigns: number; publicReports: number }> {
  const agencies = await database.db.selectFrom('agencies').select(['id', 'country', 'region', 'kind']).execute();
  const viewerIn = (country: string): Viewer | null => {
    const a = agencies.find((x) => x.country === country && (x.kind === 'ncb' || x.kind === 'police'));
    return a ? systemViewer(a, ['supervisor', 'analyst']) : null;
  };
  const now = deps.clock.now();
  await database.transaction((tx) =>
    deps.awareness.directory.repo.insertDirectory(
      tx,
      DIRECTORY.map((d) => ({
        ...d,
        phone: d.phone ?? null,
        url: d.url ?? null,
        demo: true,
        agency_id: null,
        created_at: now,
      })),
    ),
  );
  let campaigns = 0;
  for (const { agencyCountry, ...c } of CAMPAIGNS) {
    const v = viewerIn(agencyCountry);
    if (!v) continue;
    await deps.awareness.campaigns.create(v, c);
    campaigns++;
  }
  // A published (TLP:CLEAR) warning list: what the public checkers match against.
  const th = viewerIn('TH');
  if (th) {
    await deps.intel.submit(th, {
      title: 'Public warning: recruiters for scam compounds (demo)',
      summary:
        'Numbers, handles and sites used to lure job seekers to compounds near the border. Published for the public.',
      marking: { tlp: 'CLEAR', audience: { kind: 'all' }, pap: 'CLEAR', reliability: 'B', credibility: '2' },
      moTags: [],
      selectors: [
        { ref: 'p1', kind: 'phone', value: '+66 81 555 0199', country: 'TH' },
        { ref: 'h1', kind: 'handle', value: '@hr_golden_jobs', platform: 'telegram' },
        { ref: 'd1', kind: 'domain', value: 'easy-job-asia.example.com' },
        { ref: 'w1', kind: 'crypto', value: 'TENmqTAY51Y4SEmUwZsYhPSeb4uUhrAtXD' },
      ],
      sourceRef: 'demo-public-warning-1',
    });
  }
  const reports = [
    {
      country: 'PH',
      channel: 'messaging-app',
      scamType: 'fake-job',
      whatHappened:
        'A recruiter on Telegram (@hr_golden_jobs) offered my brother a customer service job in Bangkok for 60,000 pesos a month. He paid a 15,000 peso processing fee by GCash, then the recruiter stopped answering.',
      selectors: [{ kind: 'handle', value: '@hr_golden_jobs', platform: 'telegram' }],
      amountsLost: [{ amount: '15000', currency: 'PHP' }],
      contact: '+63 917 000 1234',
    },
    {
      country: 'TH',
      channel: 'social-media',
      scamType: 'investment-crypto',
      whatHappened:
        'Met a man on Facebook who showed me profits on a trading site. I sent USDT to a wallet three times and could never withdraw.',
      selectors: [
        { kind: 'crypto', value: 'TENmqTAY51Y4SEmUwZsYhPSeb4uUhrAtXD' },
        { kind: 'url', value: 'https://easy-job-asia.example.com/trade' },
      ],
      amountsLost: [{ amount: '4200', currency: 'USDT' }],
    },
  ] as const;
  let publicReports = 0;
  for (const r of reports) {
    await deps.awareness.public.reportScam({
      ...r,
      selectors: [...r.selectors],
      amountsLost: [...r.amountsLost],
      lang: 'en',
    } as never);
    publicReports++;
  }
  await deps.awareness.public.reportMissingRelative({
    country: 'ID',
    relativeName: 'Agus Prasetyo',
    relativeAge: 23,
    lastKnownPlace: 'Shwe Kokko, Myawaddy (Myanmar)',
    lastContactOn: '2026-03-02',
    circumstances:
      'My son left for a job in Bangkok offered on Facebook. He was driven across the border. His last message said they took his passport and he must work 16 hours a day.',
    contact: 'siti.rahayu@example.org',
    lang: 'id',
  });
  publicReports++;
  return { directory: DIRECTORY.length, campaigns, publicReports };
}
