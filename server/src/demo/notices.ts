import type { NoticeDraft } from '@cordon/contracts';
import type { NoticesFeature } from '../features/notices/index.ts';
import type { Database } from '../platform/db/database.ts';
import { demoAgency, systemViewer } from './operations.ts';

const CHECKS = { requiredFieldsComplete: true, dataQuality: true, noPoliticalMilitaryReligiousRacial: true };

/**
 * Notices through the real workflow: several published (Purple with a public extract, Yellow with
 * the family's consent, Red, Blue, Orange), one awaiting hub review, one returned, one draft; and
 * a diffusion.
 */
export async function seedDemoNotices(database: Database, notices: NoticesFeature): Promise<number> {
  const [th, ph, kh, id, hub] = [
    await demoAgency(database, 'ncb', 'TH'),
    await demoAgency(database, 'ncb', 'PH'),
    await demoAgency(database, 'police', 'KH'),
    await demoAgency(database, 'ncb', 'ID'),
    await database.db
      .selectFrom('agencies')
      .select(['id', 'country', 'region', 'kind'])
      .where('kind', '=', 'hub')
      .executeTakeFirst(),
  ];
  if (!th || !ph || !kh || !id || !hub) return 0;
  const reviewer = systemViewer(hub, ['hub-reviewer']);
  let n = 0;
  const publish = async (owner: typeof th, draft: NoticeDraft) => {
    const v = systemViewer(owner);
    const d = await notices.notices.create(v, draft);
    await notices.notices.submit(v, d.id);
    await notices.notices.review(reviewer, d.id, { decision: 'publish', checklist: CHECKS });
    n++;
    return d.id;
  };
  await publish(th, {
    type: 'purple',
    title: 'Fake IT-support job offers leading to compounds on the Moei river',
    summary: 'Recruitment pattern seen in Thailand, the Philippines and Indonesia since January.',
    details: {
      modusOperandi: 'Job ads for customer-service or IT-support posts abroad, high pay and no experience required.',
      methods:
        'Recruiters on Telegram and Facebook pay the flight to Bangkok, then a van to Mae Sot; passports are taken on arrival.',
      objects: ['SIM boxes', 'Pre-registered SIM cards', 'Scripts for romance and investment fraud'],
      concealment: 'Compounds behind casino and hotel fronts; workers moved across the river at night.',
    },
    publicExtract:
      'Be wary of well-paid customer-service or IT jobs abroad offered on Telegram or Facebook with no experience needed: they can lead to forced work in scam compounds.',
    selectors: [{ kind: 'phone', value: '+66 81 555 0199' }],
  });
  await publish(id, {
    type: 'yellow',
    title: 'Missing: Indonesian worker last seen in Myawaddy',
    summary: 'Left Jakarta for a job in Bangkok; last message from Myawaddy.',
    details: {
      subject: { name: 'Rina Kartika', nationalities: ['ID'], dateOfBirth: '2001-04-12', sex: 'F' },
      missingSince: '2026-02-03',
      lastSeenPlace: 'Myawaddy, Kayin State, Myanmar',
      circumstances: 'Recruited online for a customer-service job; her family received a ransom demand.',
      familyConsent: true,
    },
    publicExtract:
      'Rina Kartika, 24, from Jakarta, missing since February 2026 near Myawaddy. Any information: call your police.',
  });
  await publish(ph, {
    type: 'red',
    title: 'Wanted: manager of a Pasay scam hub',
    summary: 'Fled after the raid of the Pasay compound.',
    details: {
      subject: { name: 'Chen Long', aliases: ['Boss Long'], nationalities: ['CN'], sex: 'M' },
      charges: 'Qualified trafficking in persons; large-scale estafa; cybercrime offences.',
      warrantReference: 'RTC Pasay Br. 112 Crim. Case R-PSY-26-0198',
      issuingAuthority: 'Regional Trial Court of Pasay City, Branch 112',
    },
  });
  await publish(kh, {
    type: 'blue',
    title: 'Identity of the recruiter behind the "Golden Shipping" ads',
    summary: 'Same handle seen in Cambodia and Thailand.',
    details: {
      subject: { name: 'Unknown, uses the name "Mr Tan"', nationalities: ['MY'] },
      informationSought: 'True identity, location and travel of the person using this handle.',
      reason: 'Recruited at least 40 victims into compounds in Sihanoukville.',
    },
  });
  await publish(th, {
    type: 'orange',
    title: 'Armed guards moving victims across the border this week',
    summary: 'Imminent transfer of workers from a raided compound.',
    details: {
      threatKind: 'event',
      threatDescription: 'Armed guards are expected to move about 60 workers across the Moei river to avoid a rescue.',
      imminence: 'Within the next seven days.',
      countriesAtRisk: ['TH', 'MM'],
    },
  });
  // Awaiting review, returned, draft.
  const vKh = systemViewer(kh);
  const green = await notices.notices.create(vKh, {
    type: 'green',
    title: 'Warning: money-mule recruiter active in Phnom Penh',
    summary: '',
    details: {
      subject: { name: 'Sok Dara', nationalities: ['KH'] },
      criminalActivities: 'Recruits students as money mules for scam proceeds.',
      warningReason: 'Travels often to Bangkok and Ho Chi Minh City.',
    },
  });
  await notices.notices.submit(vKh, green.id);
  const vPh = systemViewer(ph);
  const silver = await notices.notices.create(vPh, {
    type: 'silver',
    title: 'Assets of the Pasay hub financier',
    summary: '',
    details: {
      subject: { name: 'Lim Wei Jie', nationalities: ['MY'] },
      assetsSought: 'Real estate and vehicles bought with scam proceeds.',
      jurisdictions: ['PH', 'MY', 'SG'],
      legalBasis: 'Freeze order of the Court of Appeals, AMLC case 26-014',
    },
  });
  await notices.notices.submit(vPh, silver.id);
  await notices.notices.review(reviewer, silver.id, {
    decision: 'return',
    checklist: { ...CHECKS, dataQuality: false },
    reasons: 'Add the known addresses and the bank accounts already frozen.',
  });
  await notices.notices.create(systemViewer(th), {
    type: 'blue',
    title: 'Who runs the Lucky Star BPO payroll',
    summary: '',
    details: { informationSought: 'Owner and accountants of the company.' },
  });
  await notices.diffusions.diffuse(systemViewer(th), {
    title: 'Recruiter travelling to Phnom Penh on 3 June',
    body: 'The recruiter behind the fake IT-support ads is booked on a flight to Phnom Penh; we ask for discreet observation on arrival.',
    recipientAgencyIds: [kh.id, ph.id],
    type: 'blue',
  });
  return n;
}
