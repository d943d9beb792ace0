import type { Hit } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import type { ReportRow } from './reports.repository.ts';
import { buildTimeline } from './timeline.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const at = (m: number) => new Date(Date.UTC(2026, 5, 1, 8, m));
const report = (id: string, owner: string, minute: number): ReportRow => ({
  id,
  owner_agency_id: owner,
  created_by_user: null,
  created_by_token: null,
  title: `Report ${id.slice(-1)}`,
  summary: '',
  tlp: 'GREEN',
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
  audience_kind: 'all',
  audience_regions: [],
  audience_agencies: [],
  disclosed_to: [],
  mo_tags: [],
  source_ref: null,
  created_at: at(minute),
});
const R1 = '10000000-0000-4000-8000-000000000001';
const R2 = '10000000-0000-4000-8000-000000000002';
const E = '20000000-0000-4000-8000-000000000001';
const P = '20000000-0000-4000-8000-000000000002';
const HIT = '30000000-0000-4000-8000-000000000001';
const hit = (visible: boolean): Hit => ({
  id: HIT,
  kind: 'selector',
  matchKey: 'phone:+66812345678',
  score: 1,
  status: 'confirmed',
  mine: { entityId: E, reportId: R1, label: '+66' },
  other: { agencyId: B, agencyName: 'B', country: 'PH', grade: 'C3', visible, ...(visible ? { reportId: R2 } : {}) },
  reasons: [],
  reasonCodes: [],
  decision: null,
  disclosure: null,
  createdAt: at(5).toISOString(),
});

describe('buildTimeline', () => {
  const base = {
    subject: new Set([E]),
    reports: new Map([[R1, report(R1, A, 0)]]),
    mentioning: new Set([R1]),
    relationships: [
      { id: 'l1', report_id: R1, source_id: P, target_id: E, type: 'uses', created_at: at(0) },
      { id: 'l2', report_id: R2, source_id: E, target_id: P, type: 'pays', created_at: at(1) },
    ],
    others: new Map(),
    viewerAgencyId: A,
  };

  it('orders by date, a report before the relationships it declares, and skips what is unreadable', () => {
    const events = buildTimeline({ ...base, hits: [hit(false)], disclosures: [] });
    // l2 is in R2, which the viewer may not read: left out.
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['report', at(0).toISOString()],
      ['relationship', at(0).toISOString()],
      ['hit', at(5).toISOString()],
    ]);
    expect(events[1]?.relationship).toEqual({ type: 'uses', direction: 'in', other: null });
    expect(events[2]).toMatchObject({ agencyId: B, marking: null, grade: 'C3', reportId: null, reportTitle: null });
  });

  it('gives a disclosure its request and its decision, with the other agency', () => {
    const events = buildTimeline({
      ...base,
      relationships: [],
      hits: [hit(false)],
      disclosures: [
        {
          id: 'd1',
          hit_id: HIT,
          report_id: R2,
          requester_agency_id: A,
          holder_agency_id: B,
          status: 'declined',
          created_at: at(6),
          decided_at: at(7),
        },
      ],
    });
    expect(events.filter((e) => e.type === 'disclosure')).toEqual([
      expect.objectContaining({
        agencyId: B,
        marking: null,
        grade: 'C3',
        disclosure: expect.objectContaining({ step: 'requested', outgoing: true }),
      }),
      expect.objectContaining({ at: at(7).toISOString(), disclosure: expect.objectContaining({ step: 'declined' }) }),
    ]);
  });

  it('names the other report of a hit when the viewer may read it', () => {
    const reports = new Map([
      [R1, report(R1, A, 0)],
      [R2, report(R2, B, 3)],
    ]);
    const events = buildTimeline({ ...base, relationships: [], reports, hits: [hit(true)], disclosures: [] });
    expect(events.find((e) => e.type === 'hit')).toMatchObject({
      reportId: R2,
      reportTitle: 'Report 2',
      marking: { tlp: 'GREEN' },
    });
  });
});
