import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer.ts';
import { mayReceive } from './audience.ts';
import type { EventAudience } from './types.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const viewer = (agencyId: string, over: Partial<Viewer> = {}): Viewer => ({
  kind: 'user',
  userId: `user-of-${agencyId.slice(-1)}`,
  tokenId: null,
  agencyId,
  country: 'FR',
  region: 'Europe',
  roles: ['analyst'],
  scopes: null,
  ...over,
});

describe('mayReceive', () => {
  it('members: every viewer, user or token', () => {
    expect(mayReceive(viewer(A), { kind: 'members' })).toBe(true);
    expect(mayReceive(viewer(B, { kind: 'token', userId: null, roles: [] }), { kind: 'members' })).toBe(true);
  });

  it('users: only the named users; a token has no user id', () => {
    expect(mayReceive(viewer(A), { kind: 'users', userIds: ['user-of-a'] })).toBe(true);
    expect(mayReceive(viewer(B), { kind: 'users', userIds: ['user-of-a'] })).toBe(false);
    expect(mayReceive(viewer(A, { userId: null }), { kind: 'users', userIds: ['user-of-a'] })).toBe(false);
  });

  it('agencies: the listed agencies, and with roles only holders of one of them', () => {
    expect(mayReceive(viewer(A), { kind: 'agencies', agencyIds: [A] })).toBe(true);
    expect(mayReceive(viewer(B), { kind: 'agencies', agencyIds: [A] })).toBe(false);
    expect(mayReceive(viewer(A), { kind: 'agencies', agencyIds: [A], roles: ['supervisor'] })).toBe(false);
    expect(
      mayReceive(viewer(A, { roles: ['analyst', 'supervisor'] }), {
        kind: 'agencies',
        agencyIds: [A],
        roles: ['supervisor'],
      }),
    ).toBe(true);
    expect(mayReceive(viewer(A), { kind: 'agencies', agencyIds: [A], roles: [] })).toBe(false);
  });

  it('marked: the markings rule (owner, audience by agency or region)', () => {
    const red: EventAudience = {
      kind: 'marked',
      ownerAgencyId: A,
      tlp: 'RED',
      audience: { kind: 'agencies', agencyIds: [A] },
    };
    expect(mayReceive(viewer(A), red)).toBe(true);
    expect(mayReceive(viewer(B), red)).toBe(false);
    const amberAsia: EventAudience = {
      kind: 'marked',
      ownerAgencyId: A,
      tlp: 'AMBER',
      audience: { kind: 'regions', regions: ['Asia'] },
    };
    expect(mayReceive(viewer(B, { region: 'Asia' }), amberAsia)).toBe(true);
    expect(mayReceive(viewer(B), amberAsia)).toBe(false);
    expect(mayReceive(viewer(B), { kind: 'marked', ownerAgencyId: A, tlp: 'GREEN', audience: { kind: 'all' } })).toBe(
      true,
    );
  });

  it('an unknown audience kind reaches no one', () => {
    expect(mayReceive(viewer(A), { kind: 'everyone' } as never)).toBe(false);
  });
});
