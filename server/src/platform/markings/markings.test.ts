import { type Audience, type Marking, TLP_LEVELS } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { canSee, validateMarking } from './markings.ts';

const base: Omit<Marking, 'tlp' | 'audience'> = { pap: 'GREEN', reliability: 'B', credibility: '2' };
const A = '00000000-0000-4000-8000-00000000000a';

describe('validateMarking', () => {
  it('rejects TLP:RED to all members and names the field', () => {
    expect(validateMarking({ ...base, tlp: 'RED', audience: { kind: 'all' } })).toEqual([
      { field: 'marking.audience', message: expect.stringMatching(/named recipients/) },
    ]);
  });
  it('rejects TLP:RED to regions, AMBER+STRICT to all, CLEAR to a narrow audience', () => {
    expect(validateMarking({ ...base, tlp: 'RED', audience: { kind: 'regions', regions: ['Asia'] } })).toHaveLength(1);
    expect(validateMarking({ ...base, tlp: 'AMBER+STRICT', audience: { kind: 'all' } })).toHaveLength(1);
    expect(validateMarking({ ...base, tlp: 'CLEAR', audience: { kind: 'agencies', agencyIds: [A] } })).toHaveLength(1);
  });
  it('rejects PAP:CLEAR on RED and duplicates in lists', () => {
    expect(
      validateMarking({ ...base, pap: 'CLEAR', tlp: 'RED', audience: { kind: 'agencies', agencyIds: [A] } }, 'm'),
    ).toEqual([{ field: 'm.pap', message: expect.any(String) }]);
    expect(
      validateMarking({ ...base, tlp: 'GREEN', audience: { kind: 'agencies', agencyIds: [A, A] } })[0]?.field,
    ).toBe('marking.audience.agencyIds');
  });
  it('accepts every consistent combination', () => {
    const ok: Array<[Marking['tlp'], Audience]> = [
      ['CLEAR', { kind: 'all' }],
      ['GREEN', { kind: 'all' }],
      ['GREEN', { kind: 'regions', regions: ['Africa', 'Asia'] }],
      ['AMBER', { kind: 'all' }],
      ['AMBER+STRICT', { kind: 'regions', regions: ['Europe'] }],
      ['AMBER+STRICT', { kind: 'agencies', agencyIds: [A] }],
      ['RED', { kind: 'agencies', agencyIds: [A] }],
    ];
    for (const [tlp, audience] of ok) expect(validateMarking({ ...base, tlp, audience })).toEqual([]);
  });
});

describe('canSee', () => {
  const owner = { agencyId: 'owner', region: 'Asia' as const };
  const named = { agencyId: 'named', region: 'Europe' as const };
  const sameRegion = { agencyId: 'other-asia', region: 'Asia' as const };
  const stranger = { agencyId: 'other-africa', region: 'Africa' as const };
  const rec = (tlp: Marking['tlp'], audience: Audience) => ({ ownerAgencyId: 'owner', tlp, audience });

  it('lets the owner see everything it holds', () => {
    for (const tlp of TLP_LEVELS)
      expect(canSee(owner, rec(tlp, { kind: 'agencies', agencyIds: ['named'] }))).toBe(true);
  });
  it('shows the public only CLEAR', () => {
    expect(canSee(null, rec('CLEAR', { kind: 'all' }))).toBe(true);
    expect(canSee(null, rec('GREEN', { kind: 'all' }))).toBe(false);
  });
  it('follows the audience for members', () => {
    const red = rec('RED', { kind: 'agencies', agencyIds: ['named'] });
    expect([canSee(named, red), canSee(sameRegion, red), canSee(stranger, red)]).toEqual([true, false, false]);
    const regional = rec('AMBER', { kind: 'regions', regions: ['Asia'] });
    expect([canSee(named, regional), canSee(sameRegion, regional), canSee(stranger, regional)]).toEqual([
      false,
      true,
      false,
    ]);
    const green = rec('GREEN', { kind: 'all' });
    expect([canSee(named, green), canSee(stranger, green)]).toEqual([true, true]);
  });
});
