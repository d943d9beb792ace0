/**
 * bench/rescue: register the people of one raid through the real path (RescueService.register:
 * validation, per-field AES-256-GCM encryption, idempotent insert by row key, blind blocking keys,
 * duplicate detection against every open case with the intel `names` module, consulate
 * notifications, timeline, audit), against a plain bulk insert of the same rows.
 *
 *   npm run bench -- rescue [--people 10000] [--open 100000] [--found 0.02] [--driver pglite|postgres]
 *
 * Figure:   register_per_s: persons per second through one RescueService.register call of
 *           --people rows, with --open open missing-person cases (one person each) in the database.
 * Baseline: the same rows inserted in the same batches of 500 into a table made
 *           `like rescue_persons including all`, as plain text: no validation, no encryption,
 *           no keys, no matching.
 * Ratio:    baseline_time / register_time. The issue sets no goal.
 * Data:     the intel names module's synthetic population (names of ten regions in their own
 *           scripts and romanisations): the open cases hold record A of each person; --found of
 *           the raid are record B (another script or spelling) of a person of an open case, the
 *           rest are new people. Recall on those planted matches is printed.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { syntheticPairs } from '../../server/src/features/intel/names/synthetic.ts';
import { rescueBlockingKeys } from '../../server/src/features/rescue/blocking.ts';
import { createRescueFeature } from '../../server/src/features/rescue/index.ts';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import type { Viewer } from '../../server/src/platform/auth/viewer.ts';
import { systemViewer } from '../../server/src/platform/auth/viewer.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import { openBenchDatabase } from '../lib/database.ts';
import { loadLine, machineLine, ratioText, resultLine, round } from '../lib/report.ts';

const NAME = 'rescue';
const USAGE = `usage: npm run bench -- ${NAME} [--people 10000] [--open 100000] [--found 0.02] [--driver pglite|postgres]`;

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      people: { type: 'string', default: '10000' },
      open: { type: 'string', default: '100000' },
      found: { type: 'string', default: '0.02' },
      driver: { type: 'string', default: 'pglite' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const people = Number(values.people);
  const open = Number(values.open);
  const found = Number(values.found);
  if (!Number.isInteger(people) || people < 1 || people > 20_000) fail('--people must be 1 to 20000');
  if (!Number.isInteger(open) || open < 0 || open > 1_000_000) fail('--open must be 0 to 1000000');
  if (!(found >= 0 && found <= 1)) fail('--found must be 0 to 1');
  if (values.driver !== 'pglite' && values.driver !== 'postgres') fail('--driver must be pglite or postgres');
  return { people, open, found, driver: values.driver as 'pglite' | 'postgres' };
}
function fail(m: string): never {
  console.error(`${m}\n${USAGE}`);
  process.exit(2);
}

const args = options();
const secs = (ms: number) => (ms / 1000).toFixed(2);
console.log(machineLine());
const bench = await openBenchDatabase(args.driver);
const { database } = bench;
const db = database.db;
console.log(`database: ${bench.label}`);
try {
  const key = Buffer.alloc(32, 9);
  const cipher = new FieldCipher(key);
  const rescue = createRescueFeature({
    database,
    clock: systemClock,
    audit: createAuditor(systemClock),
    events: { notify() {} },
    cipher,
    secretKey: key,
    scamCentre: async () => null,
  });
  const agency = await db
    .insertInto('agencies')
    .values({ name: 'Bench host police', country: 'TH', region: 'Asia', kind: 'police' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const viewer: Viewer = systemViewer({ id: agency.id, country: 'TH', region: 'Asia' }, ['investigator']);

  // Set-up (not timed): the open missing-person cases, written as the service writes them.
  const planted = Math.round(args.people * args.found);
  const fresh = args.people - planted;
  let t0 = performance.now();
  const pairs = syntheticPairs(args.open + fresh);
  console.log(`synthetic population: ${pairs.length} people in ${secs(performance.now() - t0)} s`);
  t0 = performance.now();
  const p = rescue.personal;
  const now = new Date();
  const nat = (f: { nationalities?: string[] }) => f.nationalities?.[0] ?? 'TH';
  for (let i = 0; i < args.open; i += 1000) {
    const part = pairs.slice(i, Math.min(i + 1000, args.open));
    await database.transaction(async (tx) => {
      const cases = await tx
        .insertInto('rescue_cases')
        .values(
          part.map((_, j) => ({
            ref: `RC-BENCH-${i + j}`,
            title: '',
            location_area: '',
            kind: 'individual',
            host_country: 'TH',
            lead_agency_id: agency.id,
            responsible_agency_id: agency.id,
            stage: 'reported',
            risk_level: 'medium',
            risk_factors: '{}',
            stage_entered_at: now,
            consent_to_contact: false,
            step_data: '{}',
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      const persons = await tx
        .insertInto('rescue_persons')
        .values(
          part.map((pair, j) => ({
            case_id: cases[j]?.id as string,
            row_key: `open-${i + j}`,
            nationality: nat(pair.a),
            minor: false,
            key_id: p.keyId,
            name_enc: p.enc(pair.a.names[0]) as string,
            aliases_enc: p.encList(pair.a.names.slice(1)),
            dob_enc: p.enc(pair.a.dateOfBirth),
            gender_enc: p.enc(pair.a.gender ?? 'unknown'),
            created_at: now,
          })),
        )
        .returning('id')
        .execute();
      const keys = part.flatMap((pair, j) =>
        rescueBlockingKeys(pair.a, nat(pair.a), now.getUTCFullYear()).stored.map((k) => ({
          key: p.blind(k),
          person_id: persons[j]?.id as string,
        })),
      );
      for (let k = 0; k < keys.length; k += 5000)
        await tx
          .insertInto('rescue_person_keys')
          .values(keys.slice(k, k + 5000))
          .onConflict((oc) => oc.doNothing())
          .execute();
    });
  }
  await sql`analyze`.execute(db);
  console.log(`open cases: ${args.open} in ${secs(performance.now() - t0)} s`);

  // The raid's rows: record B of `planted` people of open cases, and `fresh` new people.
  const rows = [
    ...pairs.slice(0, planted).map((pair, i) => ({ pair: pair.b, row: i })),
    ...pairs.slice(args.open, args.open + fresh).map((pair, i) => ({ pair: pair.a, row: planted + i })),
  ].map(({ pair, row }) => ({
    rowKey: `RAID-${row}`,
    name: pair.names[0],
    ...(pair.names.length > 1 ? { aliases: pair.names.slice(1, 6) } : {}),
    nationality: nat(pair),
    ...(pair.dateOfBirth ? { dateOfBirth: pair.dateOfBirth } : {}),
    gender: pair.gender ?? 'unknown',
  }));
  const raid = await rescue.cases.open(viewer, {
    title: 'Bench raid',
    kind: 'mass',
    hostCountry: 'TH',
    persons: [],
    riskLevel: 'high',
    consentToContact: false,
  });
  console.log(loadLine('before'));

  // Baseline: a plain bulk insert of the same rows.
  await sql`create table bench_plain_persons (like rescue_persons including all)`.execute(db);
  t0 = performance.now();
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await sql`insert into bench_plain_persons (case_id, row_key, nationality, minor, key_id, name_enc, aliases_enc, dob_enc, gender_enc, created_at)
      select * from unnest(${part.map(() => raid.id)}::uuid[], ${part.map((r) => r.rowKey)}::text[], ${part.map((r) => r.nationality)}::text[],
        ${part.map(() => false)}::boolean[], ${part.map(() => 'plain')}::text[], ${part.map((r) => r.name)}::text[],
        ${part.map((r) => JSON.stringify(r.aliases ?? []))}::text[], ${part.map((r) => r.dateOfBirth ?? null)}::text[],
        ${part.map((r) => r.gender)}::text[], ${part.map(() => now.toISOString())}::timestamptz[])`.execute(db);
  }
  const baseMs = performance.now() - t0;

  // The figure: one registration of the whole raid.
  t0 = performance.now();
  const res = await rescue.cases.register(viewer, raid.id, rows as unknown as Record<string, unknown>[]);
  const regMs = performance.now() - t0;
  console.log(loadLine('after'));
  const plantedFound = new Set(res.matches.filter((m) => m.row <= planted).map((m) => m.row)).size;
  const falseMatches = res.matches.filter((m) => m.row > planted).length;
  console.log(
    `registered ${res.created} of ${res.rows} rows (${res.errors.length} row errors) in ${secs(regMs)} s; ` +
      `${res.matches.length} matches: ${plantedFound}/${planted} planted people found, ${falseMatches} matches on new people`,
  );
  console.log(`plain bulk insert of the same rows: ${secs(baseMs)} s`);
  // Again: nothing duplicated.
  t0 = performance.now();
  const again = await rescue.cases.register(viewer, raid.id, rows as unknown as Record<string, unknown>[]);
  console.log(`re-upload: ${again.created} created, ${again.existing} existing in ${secs(performance.now() - t0)} s`);
  console.log(
    resultLine({
      name: NAME,
      figure: 'register_per_s',
      value: round((res.created * 1000) / regMs),
      baseline: round((rows.length * 1000) / baseMs),
      ratio: ratioText(baseMs / regMs),
      goal: 'none',
    }),
  );
} finally {
  await bench.close();
}
