import type { NewRescuePerson, Region, RescueTransition, Role, TraffickingIndicator } from '@cordon/contracts';
import type { IntelFeature } from '../features/intel/index.ts';
import { createRescueFeature, scamCentresOf } from '../features/rescue/index.ts';
import { createAuditor } from '../platform/audit/audit.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { FieldCipher } from '../platform/crypto/secrets.ts';
import type { Database } from '../platform/db/database.ts';
import { prng } from './prng.ts';

const HOUR = 3600_000;

/** Name pools per nationality, in the scripts people are registered in. */
const NAMES: Record<string, { given: string[]; family: string[]; lang: string }> = {
  ID: {
    given: ['Siti', 'Dewi', 'Agus', 'Budi', 'Rizky', 'Putri', 'Eko', 'Wahyu', 'Nur', 'Fajar'],
    family: ['Rahayu', 'Santoso', 'Pratama', 'Wijaya', 'Saputra', 'Hidayat', 'Kurniawan'],
    lang: 'id',
  },
  PH: {
    given: ['Maria', 'Jose', 'Mark', 'Angelica', 'John Paul', 'Kristine', 'Rodel', 'Jessa'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Villanueva'],
    lang: 'tl',
  },
  VN: {
    given: ['Văn An', 'Thị Hoa', 'Minh Tuấn', 'Thị Lan', 'Đức Anh', 'Thu Trang'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'],
    lang: 'vi',
  },
  TH: { given: ['สมชาย', 'สุภาพร', 'วิชัย', 'นภา', 'ประเสริฐ'], family: ['วัฒนา', 'ศรีสุข', 'บุญมี', 'แก้วมณี'], lang: 'th' },
  CN: { given: ['伟', '芳', '强', '敏', '静'], family: ['王', '李', '张', '刘', '陈'], lang: 'zh' },
  IN: {
    given: ['Rahul', 'Priya', 'Amit', 'Sunita', 'Vikram', 'Anjali'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Iyer'],
    lang: 'hi',
  },
  KE: {
    given: ['Brian', 'Faith', 'Kevin', 'Mercy', 'Dennis'],
    family: ['Otieno', 'Wanjiru', 'Mwangi', 'Kamau', 'Achieng'],
    lang: 'sw',
  },
  ET: {
    given: ['Abebe', 'Selam', 'Dawit', 'Hana', 'Yonas'],
    family: ['Tesfaye', 'Bekele', 'Girma', 'Alemu'],
    lang: 'am',
  },
  LK: {
    given: ['Nuwan', 'Dilani', 'Kasun', 'Tharushi'],
    family: ['Perera', 'Fernando', 'Silva', 'Jayasinghe'],
    lang: 'si',
  },
  NP: { given: ['Bikash', 'Sita', 'Ramesh', 'Puja'], family: ['Shrestha', 'Gurung', 'Tamang', 'Rai'], lang: 'ne' },
  UG: { given: ['Moses', 'Grace', 'Ivan', 'Sarah'], family: ['Okello', 'Namukasa', 'Ssempala', 'Atim'], lang: 'lg' },
  BR: { given: ['Lucas', 'Ana', 'Gabriel', 'Juliana'], family: ['Silva', 'Souza', 'Oliveira', 'Costa'], lang: 'pt' },
  RU: {
    given: ['Алексей', 'Ольга', 'Дмитрий', 'Анна'],
    family: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова'],
    lang: 'ru',
  },
  MY: {
    given: ['Ahmad', 'Nurul', 'Hafiz', 'Siti Aisyah'],
    family: ['bin Ismail', 'binti Hassan', 'bin Abdullah'],
    lang: 'ms',
  },
  BD: { given: ['Rakib', 'Nasrin', 'Tanvir', 'Sumaiya'], family: ['Hossain', 'Akter', 'Rahman', 'Islam'], lang: 'bn' },
  PK: { given: ['Usman', 'Ayesha', 'Bilal', 'Fatima'], family: ['Khan', 'Ahmed', 'Malik', 'Iqbal'], lang: 'ur' },
};
/** The raid's people by nationality (about 200). */
const RAID_MIX: Array<[string, number]> = [
  ['ID', 34],
  ['PH', 30],
  ['VN', 26],
  ['CN', 22],
  ['IN', 18],
  ['KE', 14],
  ['ET', 10],
  ['LK', 9],
  ['NP', 8],
  ['UG', 7],
  ['BD', 7],
  ['PK', 6],
  ['MY', 4],
  ['BR', 3],
  ['RU', 3],
  ['TH', 2],
];

interface Who {
  id: string | null;
  agencyId: string;
  country: string;
  region: string;
  roles: Role[];
}

/**
 * Rescue cases at several stages, some past their deadline (the job runner escalates them on start),
 * and a raid of 204 people of 16 nationalities being screened and sent home. Made through the
 * real service with a clock set back in time, so every timeline entry and deadline is the live kind.
 */
export async function seedDemoRescue(
  database: Database,
  deps: { clock: Clock; cipher: FieldCipher; secretKey: Buffer; intel: IntelFeature },
): Promise<number> {
  const real = deps.clock.now().getTime();
  let t = real;
  const clock = { now: () => new Date(t) };
  const rescue = createRescueFeature({
    database,
    clock,
    audit: createAuditor(clock),
    events: { notify() {} },
    cipher: deps.cipher,
    secretKey: deps.secretKey,
    scamCentre: scamCentresOf(deps.intel),
  });
  const db = database.db;
  const person = async (email: string): Promise<Viewer> => {
    const u = await db
      .selectFrom('users as u')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select(['u.id', 'u.agency_id', 'u.roles', 'a.country', 'a.region'])
      .where('u.email', '=', email)
      .executeTakeFirst();
    if (!u) throw new Error(`demo account ${email} missing`);
    const w: Who = { id: u.id, agencyId: u.agency_id, country: u.country, region: u.region, roles: u.roles as Role[] };
    return {
      kind: 'user',
      userId: w.id,
      tokenId: null,
      agencyId: w.agencyId,
      country: w.country,
      region: w.region as Region,
      roles: w.roles,
      scopes: null,
    };
  };
  const domain = (
    await db.selectFrom('users').select('email').where('email', 'like', 'investigator@th.%').executeTakeFirst()
  )?.email.split('@th.')[1];
  if (!domain) return 0;
  const at = (local: string, place: string) => person(`${local}@${place}.${domain}`);
  const thInv = await at('investigator', 'th');
  const thSup = await at('supervisor', 'th');
  const khInv = await at('investigator', 'kh');
  const phCw = await at('caseworker', 'ph');
  const ngo = await at('caseworker', 'safe-passage');
  const consul = await at('consul', 'consulate-id');
  const ngoAgency = ngo.agencyId;
  const centre = await db
    .selectFrom('entities as e')
    .innerJoin('reports as r', 'r.id', 'e.report_id')
    .select(['e.id', 'e.label'])
    .where('e.kind', '=', 'scam-centre')
    .where('r.tlp', 'in', ['CLEAR', 'GREEN'])
    .where('e.lat', 'is not', null)
    .orderBy('e.created_at')
    .limit(1)
    .executeTakeFirst();
  const r = prng(4404);
  const nameOf = (nat: string) => {
    const pool = NAMES[nat] ?? (NAMES.ID as (typeof NAMES)['ID']);
    const g = r.pick(pool.given);
    const f = r.pick(pool.family);
    return ['CN', 'VN'].includes(nat) ? `${f}${nat === 'CN' ? '' : ' '}${g}` : `${g} ${f}`;
  };
  const dob = () =>
    `${r.int(1984, 2006)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const step = (v: Viewer, id: string, body: RescueTransition, hoursLater: number) => {
    t += hoursLater * HOUR;
    return rescue.cases.transition(v, id, body);
  };
  let cases = 0;

  // 1. Critical: an Indonesian woman pinned by her brother from a smuggled phone; located, the plan is late.
  t = real - 70 * HOUR;
  const c1 = await rescue.cases.open(
    thInv,
    {
      title: 'Smuggled phone message, Mae Sot border',
      hostCountry: 'TH',
      persons: [
        {
          name: 'Siti Rahayu',
          nationality: 'ID',
          dateOfBirth: '1999-03-14',
          gender: 'female',
          languages: ['id', 'en'],
        },
      ],
      location: {
        area: 'Mae Sot / Myawaddy crossing',
        description: 'Map pin and a photo of a blue-roofed block',
        confidence: 0.4,
      },
      riskFactors: { immediateDanger: true, confiscatedDocuments: true, violence: true },
      reporter: { channel: 'family', name: 'Budi Rahayu', relation: 'brother', contact: '+6281234567890' },
      consentToContact: true,
      supervisorUserId: thSup.userId ?? undefined,
    },
    { at: new Date(t) },
  );
  await step(thInv, c1.id, { to: 'triaged', riskLevel: 'critical' }, 0.5);
  await step(thInv, c1.id, { to: 'verified', verificationSource: 'call-back with the brother; photo matched' }, 6);
  await step(
    thInv,
    c1.id,
    {
      to: 'located',
      location: centre
        ? { scamCentreId: centre.id, confidence: 0.8 }
        : { lat: 16.69, lon: 98.51, area: 'Myawaddy', confidence: 0.8 },
    },
    20,
  );
  cases++;

  // 2. High: a Filipino reported by his family to the PH NCB, held in Cambodia; nobody has triaged it yet.
  t = real - 7 * HOUR;
  await rescue.cases.open(
    phCw,
    {
      title: 'Family report: Sihanoukville job offer',
      hostCountry: 'KH',
      persons: [
        {
          name: 'Mark Anthony Bautista',
          nationality: 'PH',
          dateOfBirth: '1997-08-02',
          gender: 'male',
          languages: ['tl', 'en'],
        },
      ],
      location: { area: 'Sihanoukville', confidence: 0.3 },
      riskFactors: { violence: true },
      reporter: { channel: 'family', relation: 'mother' },
      consentToContact: true,
    },
    { at: new Date(t) },
  );
  cases++;

  // 3. Medium: two Vietnamese nationals in Bavet, verified, within time.
  t = real - 30 * HOUR;
  const c3 = await rescue.cases.open(
    khInv,
    {
      hostCountry: 'KH',
      title: 'Hotline tip, Bavet casino compound',
      persons: [
        { name: 'Trần Thị Lan', nationality: 'VN', dateOfBirth: '2002-05-17', gender: 'female' },
        { name: 'Phạm Đức Anh', nationality: 'VN', age: 24, gender: 'male' },
      ],
      riskFactors: { confiscatedDocuments: true },
      reporter: { channel: 'hotline' },
      consentToContact: false,
    },
    { at: new Date(t) },
  );
  await step(khInv, c3.id, { to: 'triaged', riskLevel: 'medium' }, 10);
  await step(khInv, c3.id, { to: 'verified', verificationSource: 'NGO outreach worker confirmed' }, 12);
  cases++;

  // 4. The raid: about 200 people released from a compound, handed over at the border.
  t = real - 6 * 24 * HOUR;
  const raid = await rescue.cases.open(
    thInv,
    {
      title: 'Myawaddy compound handover, 200 foreign nationals',
      kind: 'mass',
      hostCountry: 'TH',
      persons: [],
      location: centre
        ? { scamCentreId: centre.id, area: 'Myawaddy', confidence: 0.95 }
        : { lat: 16.69, lon: 98.51, area: 'Myawaddy', confidence: 0.95 },
      riskFactors: { confiscatedDocuments: true, violence: true, medicalNeed: true },
      riskLevel: 'high',
      reporter: { channel: 'intelligence' },
      consentToContact: false,
      supervisorUserId: thSup.userId ?? undefined,
    },
    { at: new Date(t) },
  );
  await rescue.cases.addTeamMember(thInv, raid.id, { agencyId: ngoAgency, party: 'ngo-shelter' });
  await step(thInv, raid.id, { to: 'triaged', riskLevel: 'high' }, 1);
  await step(thInv, raid.id, { to: 'verified', verificationSource: 'liaison with the other side of the border' }, 3);
  await step(thInv, raid.id, { to: 'located' }, 2);
  await step(
    thSup,
    raid.id,
    { to: 'rescue-planned', plannedFor: new Date(t + 24 * HOUR).toISOString().slice(0, 10) },
    4,
  );
  t += 30 * HOUR;
  const rows: NewRescuePerson[] = [];
  let n = 0;
  for (const [nat, count] of RAID_MIX)
    for (let i = 0; i < count; i++) {
      n++;
      const minor = r.next() < 0.04;
      rows.push({
        rowKey: `MW-${String(n).padStart(3, '0')}`,
        name: nameOf(nat),
        nationality: nat,
        ...(minor
          ? { age: r.int(15, 17), minor: true }
          : r.next() < 0.8
            ? { dateOfBirth: dob() }
            : { age: r.int(19, 40) }),
        gender: r.next() < 0.62 ? 'male' : 'female',
        languages: [NAMES[nat]?.lang ?? 'en'],
      });
    }
  // The Indonesian woman of case 1 is among them, written as her passport has it.
  rows.push({ rowKey: 'MW-X01', name: 'RAHAYU, Siti', nationality: 'ID', dateOfBirth: '1999-03-14', gender: 'female' });
  await rescue.cases.register(thInv, raid.id, rows as unknown as Record<string, unknown>[]);
  await step(thInv, raid.id, { to: 'rescued', rescuedAt: new Date(t).toISOString().slice(0, 10) }, 0);
  // Screening goes on: about 60% done, by the NGO and the police.
  const persons = await db
    .selectFrom('rescue_persons')
    .select(['id', 'nationality'])
    .where('case_id', '=', raid.id)
    .orderBy('row_key')
    .execute();
  const all: TraffickingIndicator[] = [
    'deceptive-recruitment',
    'confiscated-documents',
    'debt-bondage',
    'restricted-movement',
    'violence-or-threats',
    'forced-criminal-activity',
    'withheld-wages',
    'excessive-overtime',
  ];
  for (const [i, p] of persons.entries()) {
    if (r.next() > 0.6) continue;
    t += 0.1 * HOUR;
    const found =
      r.next() < 0.85
        ? r.some(all, r.int(2, 5))
        : r.some(['excessive-overtime', 'withheld-wages'] as TraffickingIndicator[], 1);
    await rescue.cases.screen(i % 2 ? ngo : thInv, p.id, {
      indicators: found,
      notes: 'Interviewed with an interpreter.',
    });
  }
  // The Indonesian consulate plans the first batch home.
  const idReady = await db
    .selectFrom('rescue_persons')
    .select('id')
    .where('case_id', '=', raid.id)
    .where('nationality', '=', 'ID')
    .where('status', '=', 'screened')
    .limit(12)
    .execute();
  if (idReady.length > 0) {
    t += 2 * HOUR;
    const b = await rescue.cases.createBatch(consul, raid.id, {
      nationality: 'ID',
      personIds: idReady.map((p) => p.id),
      transportMode: 'air',
      carrierRef: 'charter BKK–CGK',
      travelDate: new Date(real + 3 * 24 * HOUR).toISOString().slice(0, 10),
    });
    await rescue.cases.advanceBatch(consul, b.id, { status: 'documents-ready' });
  }
  cases++;

  // 5. A case walked to the end: repatriated and followed up.
  t = real - 40 * 24 * HOUR;
  const c5 = await rescue.cases.open(
    thInv,
    {
      title: 'Poipet referral',
      hostCountry: 'TH',
      persons: [{ name: 'Dewi Kurniawan', nationality: 'ID', dateOfBirth: '1994-12-01', gender: 'female' }],
      location: { area: 'Aranyaprathet', confidence: 0.9 },
      riskFactors: {},
      reporter: { channel: 'consulate' },
      consentToContact: true,
    },
    { at: new Date(t) },
  );
  await step(thInv, c5.id, { to: 'triaged', riskLevel: 'medium' }, 5);
  await step(thInv, c5.id, { to: 'verified', verificationSource: 'consulate interview' }, 24);
  await step(thInv, c5.id, { to: 'located', location: { area: 'Aranyaprathet', confidence: 0.9 } }, 24);
  await step(
    thSup,
    c5.id,
    { to: 'rescue-planned', plannedFor: new Date(t + 48 * HOUR).toISOString().slice(0, 10) },
    12,
  );
  await step(thInv, c5.id, { to: 'rescued', rescuedAt: new Date(t + 48 * HOUR).toISOString().slice(0, 10) }, 48);
  const p5 = await db.selectFrom('rescue_persons').select('id').where('case_id', '=', c5.id).executeTakeFirstOrThrow();
  t += 10 * HOUR;
  await rescue.cases.screen(thInv, p5.id, {
    indicators: ['deceptive-recruitment', 'confiscated-documents', 'forced-criminal-activity'],
  });
  await rescue.cases.addTeamMember(thInv, c5.id, { agencyId: ngoAgency, party: 'ngo-shelter' });
  await step(thInv, c5.id, { to: 'screened' }, 2);
  await step(ngo, c5.id, { to: 'sheltered', shelterAgencyId: ngoAgency }, 10);
  const consulAgency = consul.agencyId;
  await step(
    consul,
    c5.id,
    {
      to: 'repatriation-arranged',
      travelDocumentsReady: true,
      plannedTravelDate: new Date(t + 10 * 24 * HOUR).toISOString().slice(0, 10),
    },
    5 * 24,
  );
  await step(
    consul,
    c5.id,
    {
      to: 'repatriated',
      travelDate: new Date(t + 9 * 24 * HOUR).toISOString().slice(0, 10),
      receivingAgencyId: consulAgency,
    },
    9 * 24,
  );
  cases++;
  return cases;
}
