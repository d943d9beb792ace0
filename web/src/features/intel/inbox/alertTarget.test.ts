import { describe, expect, it } from 'vitest';
import { alertKindOfTopic, alertTarget } from './alertTarget.ts';

const ID = '5475198d-669e-486e-abf4-9cbb4dffa8c6';

describe('alertTarget', () => {
  it('opens hits, reports, the disclosure tab and the watchlist', () => {
    expect(alertTarget({ refType: 'hit', refId: ID })).toEqual({ to: '/intel/hits/$hitId', params: { hitId: ID } });
    expect(alertTarget({ refType: 'report', refId: ID })).toEqual({
      to: '/intel/reports/$reportId',
      params: { reportId: ID },
    });
    expect(alertTarget({ refType: 'disclosure', refId: ID })).toEqual({
      to: '/intel/inbox',
      search: { tab: 'disclosures' },
    });
    expect(alertTarget({ refType: 'watchlist', refId: ID })).toEqual({ to: '/intel/watchlist' });
  });
});

describe('alertKindOfTopic', () => {
  it('recognises the three alert topics only', () => {
    expect(alertKindOfTopic('intel.hit.alert')).toBe('hit');
    expect(alertKindOfTopic('intel.watch.alert')).toBe('watch');
    expect(alertKindOfTopic('intel.disclosure.alert')).toBe('disclosure');
    expect(alertKindOfTopic('intel.report.created')).toBeNull();
    expect(alertKindOfTopic('agencies.user.created')).toBeNull();
  });
});
