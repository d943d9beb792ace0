import { describe, expect, it } from 'vitest';
import { Checker, combine } from './checker.ts';
import { fieldCandidates, selectorCandidates } from './extract.ts';

describe('checker', () => {
  it('combines the model, the indicators and the warning list into a risk level', () => {
    expect(combine(0.1, false, [], [], [], 'm').risk).toBe('low');
    expect(combine(0.9, true, ['x'], [], [], 'm').risk).toBe('medium');
    expect(combine(0.9, true, [], [{ code: 'upfront-fee', severity: 'medium', evidence: 'fee' }], [], 'm').risk).toBe(
      'high',
    );
    expect(
      combine(0.1, false, [], [{ code: 'passport-handover', severity: 'high', evidence: 'x' }], [], 'm').risk,
    ).toBe('high');
  });

  it('flags a selector on the warning list, found in the text or in the boxes, whatever its spelling', async () => {
    const asked: string[][] = [];
    const checker = new Checker(async (keys) => {
      asked.push(keys);
      return new Set(keys.filter((k) => k === 'phone:+66812345678' || k === 'handle:telegram:hr_recruit'));
    });
    const text = 'Office assistant wanted. Call 081-234-5678 for details.';
    const r = await checker.checkJob(text, [
      ...selectorCandidates(text, 'TH'),
      ...fieldCandidates({ handle: '@HR_Recruit' }, 'TH'),
    ]);
    expect(r.risk).toBe('high');
    expect(r.reasons.filter((x) => x.code === 'warning-list').map((x) => x.evidence[0])).toEqual([
      '+66 81 234 5678',
      '@hr_recruit (Telegram)',
    ]);
    const clean = await checker.checkMessage('See you at dinner tonight', []);
    expect(clean.reasons.some((x) => x.code === 'warning-list')).toBe(false);
  });

  it('scores with the committed models: a scam-centre ad is high, an ordinary message is low', async () => {
    const checker = new Checker(async () => new Set());
    const ad = await checker.checkJob(
      'URGENT hiring data entry, no experience, earn $3000 monthly, free visa and air ticket to Cambodia, contact Telegram only',
      [],
    );
    expect(ad.risk).toBe('high');
    const msg = await checker.checkMessage('Ok see you at 7 at the station, I will bring the book', []);
    expect(msg.risk).toBe('low');
    expect(msg.reasons).toEqual([{ code: 'no-signal', severity: 'info', evidence: [] }]);
    const spam = await checker.checkMessage(
      'WINNER!! You have won a £1000 prize. Call 09061701461 to claim now, txt STOP to end',
      [],
    );
    expect(spam.reasons.some((x) => x.code === 'model-message-spam')).toBe(true);
  });
});
