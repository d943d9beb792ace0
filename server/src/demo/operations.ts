import type { Role } from '@cordon/contracts';
import type { OperationsFeature } from '../features/operations/index.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { systemViewer as platformSystemViewer } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock/clock.ts';
import type { Database } from '../platform/db/database.ts';

type AgencyRow = { id: string; country: string; region: string; kind: string };

export const systemViewer = (a: AgencyRow, roles: Role[] = ['investigator']): Viewer => platformSystemViewer(a, roles);

/** The demo agency of a kind in a country (the first by name). */
export async function demoAgency(database: Database, kind: string, country: string): Promise<AgencyRow | undefined> {
  return database.db
    .selectFrom('agencies')
    .select(['id', 'country', 'region', 'kind'])
    .where('kind', '=', kind)
    .where('country', '=', country)
    .orderBy('name')
    .executeTakeFirst();
}

const day = (d: Date, plus: number) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

/**
 * Two joint operations built through the real service: "Sea Lantern" (Thai-led, active, with
 * targets from the demo intelligence, tasks, channel messages and results from three countries)
 * and "Mekong Shield" (Cambodian-led, planning), which targets the same recruiter line as Sea
 * Lantern, so a deconfliction conflict is raised on first start; plus a Philippine register entry.
 * Viet Nam's NCB declines Sea Lantern and leaves its Mekong Shield invitation open.
 */
export async function seedDemoOperations(database: Database, ops: OperationsFeature, clock: Clock): Promise<number> {
  const [th, ph, kh, id, vn] = [
    await demoAgency(database, 'ncb', 'TH'),
    await demoAgency(database, 'ncb', 'PH'),
    await demoAgency(database, 'police', 'KH'),
    await demoAgency(database, 'ncb', 'ID'),
    await demoAgency(database, 'ncb', 'VN'),
  ];
  if (!th || !ph || !kh || !id) return 0;
  const [vTh, vPh, vKh, vId] = [systemViewer(th), systemViewer(ph), systemViewer(kh), systemViewer(id)];
  const now = clock.now();
  // Scam centres and a wallet shared with every member, from the demo intelligence.
  const shared = (kind: string) =>
    database.db
      .selectFrom('entities as e')
      .innerJoin('reports as r', 'r.id', 'e.report_id')
      .select(['e.id'])
      .where('e.kind', '=', kind)
      .where('r.audience_kind', '=', 'all')
      .where('r.tlp', 'in', ['CLEAR', 'GREEN'])
      .orderBy('e.created_at')
      .limit(3)
      .execute();
  const centres = await shared('scam-centre');
  const persons = await shared('person');

  const sea = await ops.operations.create(vTh, {
    codeName: 'Sea Lantern',
    objectives:
      'Coordinated raids on compounds along the Moei river; rescue of trafficked workers; arrest of recruiters and managers; blocking of collection accounts.',
    periodStart: day(now, -20),
    periodEnd: day(now, 25),
    invitedAgencyIds: [ph.id, kh.id, id.id, ...(vn ? [vn.id] : [])],
    contactPoint: 'NCB Bangkok operations desk, +66 2 205 0000, ops-desk@th.cordon.example',
  });
  await ops.operations.answer(vPh, sea.id, { accept: true, contactPoint: 'NCB Manila duty officer, +63 2 8723 0401' });
  await ops.operations.answer(vKh, sea.id, { accept: true, contactPoint: 'AHTPD liaison, +855 23 720 555' });
  await ops.operations.answer(vId, sea.id, { accept: true, contactPoint: 'NCB Jakarta, +62 21 721 8098' });
  // Viet Nam declines (no compound on its side of the operation's area); it stays invited to Mekong Shield.
  if (vn) await ops.operations.answer(systemViewer(vn), sea.id, { accept: false });
  await ops.operations.transition(vTh, sea.id, 'active');
  for (const [i, c] of centres.entries()) {
    await ops.targets.addTarget(vTh, sea.id, {
      entityId: c.id,
      priority: i === 0 ? 'critical' : 'high',
      ownerAgencyId: i === 1 ? kh.id : th.id,
    });
  }
  for (const p of persons.slice(0, 2)) await ops.targets.addTarget(vPh, sea.id, { entityId: p.id, priority: 'medium' });
  await ops.targets.addTarget(vTh, sea.id, {
    selector: { kind: 'phone', value: '+66 81 555 0199' },
    label: 'Recruiter line answering the fake IT-support ads',
    priority: 'high',
  });
  await ops.targets.addTarget(vPh, sea.id, {
    selector: { kind: 'email', value: 'hr.desk@golden-shipping-jobs0.com' },
    priority: 'medium',
  });
  await ops.tasks.addTask(vTh, sea.id, {
    title: 'Checkpoint on the Mae Sot road on raid day',
    description: 'Stop vans leaving the compounds; screen passengers as potential victims first.',
    assigneeAgencyId: th.id,
    dueAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
  });
  await ops.tasks.addTask(vTh, sea.id, {
    title: 'Consular interviews of rescued Indonesian nationals',
    description: 'Within 48 hours of the rescue.',
    assigneeAgencyId: id.id,
    dueAt: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
  });
  await ops.tasks.addTask(vTh, sea.id, {
    title: 'Freeze requests for the collection accounts',
    description: 'Through the FIU, with the transaction lists.',
    assigneeAgencyId: ph.id,
    dueAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  });
  await ops.channel.post(vTh, sea.id, 'Raid window confirmed for the first compound; teams brief at 04:30 local time.');
  await ops.channel.post(vKh, sea.id, 'Our side of the river is covered; two vans on standby for rescued workers.');
  await ops.channel.post(
    vPh,
    sea.id,
    'Freeze requests for the collection accounts are ready to go once the raid starts.',
  );
  const zero = {
    victimsRescued: 0,
    centresRaided: 0,
    devicesSeized: 0,
    accountsBlocked: 0,
    assetsFrozen: '0',
    assetsSeized: '0',
  };
  await ops.results.report(vTh, sea.id, {
    ...zero,
    reportedOn: day(now, -6),
    arrests: 48,
    arrestNationalities: { CN: 21, TH: 12, MM: 9, TW: 6 },
    victimsRescued: 212,
    centresRaided: 2,
    devicesSeized: 1430,
    assetsSeized: '185000.00',
    currency: 'USD',
  });
  await ops.results.report(vKh, sea.id, {
    ...zero,
    reportedOn: day(now, -5),
    arrests: 31,
    arrestNationalities: { CN: 19, KH: 7, VN: 5 },
    victimsRescued: 96,
    centresRaided: 1,
    devicesSeized: 610,
    currency: 'USD',
  });
  await ops.results.report(vPh, sea.id, {
    ...zero,
    reportedOn: day(now, -4),
    arrests: 9,
    arrestNationalities: { PH: 6, CN: 3 },
    accountsBlocked: 340,
    assetsFrozen: '2750000.00',
    currency: 'PHP',
  });
  await ops.results.report(vId, sea.id, {
    ...zero,
    reportedOn: day(now, -3),
    arrests: 2,
    arrestNationalities: { ID: 2 },
    currency: 'USD',
  });

  // A Cambodian-led operation meets Sea Lantern's recruiter line: both owners are alerted.
  const mekong = await ops.operations.create(vKh, {
    codeName: 'Mekong Shield',
    objectives: 'Dismantle the recruitment network feeding compounds in Sihanoukville.',
    periodStart: day(now, 5),
    periodEnd: day(now, 40),
    invitedAgencyIds: vn ? [vn.id] : [],
    contactPoint: 'AHTPD operations room, +855 23 720 556',
  });
  await ops.targets.addTarget(vKh, mekong.id, {
    selector: { kind: 'phone', value: '0815550199', country: 'TH' },
    label: 'Thai number used by the Sihanoukville recruiter',
    priority: 'critical',
  });
  // The Philippine NCB lists an address it works on undercover.
  await ops.registry.addRegisterEntry(vPh, {
    selector: { kind: 'email', value: 'payroll@lucky-star-bpo7.com' },
    contactPoint: 'NCB Manila undercover desk, +63 2 8723 0499',
  });
  return 2;
}
