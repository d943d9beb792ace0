import { describe, expect, it } from 'vitest';
import { checkTransition, reminderLeadMs } from './freeze-states.ts';

describe('freeze state machine', () => {
  it('follows draft → sent → acknowledged → frozen → seized → forfeited → returned', () => {
    expect(checkTransition('draft', 'sent', 'requester')).toEqual({ ok: true });
    expect(checkTransition('sent', 'acknowledged', 'target')).toEqual({ ok: true });
    expect(checkTransition('acknowledged', 'frozen', 'target')).toEqual({ ok: true });
    expect(checkTransition('frozen', 'seized', 'target')).toEqual({ ok: true });
    expect(checkTransition('seized', 'forfeited', 'target')).toEqual({ ok: true });
    expect(checkTransition('forfeited', 'returned', 'target')).toEqual({ ok: true });
  });

  it('refuses moves out of order (409) and by the wrong side (403)', () => {
    expect(checkTransition('sent', 'frozen', 'target')).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition('returned', 'returned', 'target')).toMatchObject({
      ok: false,
      status: 409,
      reason: expect.stringMatching(/final/),
    });
    expect(checkTransition('sent', 'acknowledged', 'requester')).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition('sent', 'expired', 'target')).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition('draft', 'sent', 'target')).toMatchObject({ ok: false, status: 403 });
  });

  it('warns an hour before, or a quarter ahead on short deadlines', () => {
    expect(reminderLeadMs(24)).toBe(3_600_000);
    expect(reminderLeadMs(2)).toBe(1_800_000);
  });
});
