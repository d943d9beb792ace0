import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';
import type { HandlePlatform } from './types.ts';

selectorTables('handle', {
  valid: [
    [{ value: '@Scam_Boss', platform: 'telegram' }, 'handle:telegram:scam_boss'],
    ['t.me/scam_boss', 'handle:telegram:scam_boss'],
    ['https://t.me/s/Scam_Boss', 'handle:telegram:scam_boss'],
    ['https://t.me/scam_boss/1234', 'handle:telegram:scam_boss'],
    ['tg://resolve?domain=Scam_Boss', 'handle:telegram:scam_boss'],
    ['scam_boss.t.me', 'handle:telegram:scam_boss'],
    [
      { value: 'https://www.instagram.com/lucky.trader_88/', platform: 'instagram' },
      'handle:instagram:lucky.trader_88',
    ],
    ['https://www.tiktok.com/@Lucky.Trader88?lang=en', 'handle:tiktok:lucky.trader88'],
    ['https://twitter.com/CryptoQueen_TH', 'handle:x:cryptoqueen_th'],
    [{ value: '@CryptoQueen_TH', platform: 'x' }, 'handle:x:cryptoqueen_th'],
    [{ value: 'john.smith.77', platform: 'facebook' }, 'handle:facebook:johnsmith77'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'handle:facebook:100012345678901'],
    ['https://www.facebook.com/people/Lucky-Trader/100087654321098/', 'handle:facebook:100087654321098'],
    [{ value: '+66 81 234 5678', platform: 'whatsapp' }, 'handle:whatsapp:+66812345678'],
    [{ value: '081 234 5678', platform: 'whatsapp', country: 'TH' }, 'handle:whatsapp:+66812345678'],
    ['https://wa.me/66812345678', 'handle:whatsapp:+66812345678'],
    ['https://api.whatsapp.com/send?phone=66812345678&text=hi', 'handle:whatsapp:+66812345678'],
    [{ value: 'ScamBoss.07', platform: 'signal' }, 'handle:signal:scamboss.07'],
    [{ value: '+66812345678', platform: 'signal' }, 'handle:signal:+66812345678'],
    ['https://signal.me/#p/+66812345678', 'handle:signal:+66812345678'],
    [{ value: 'LuckyJob88', platform: 'line' }, 'handle:line:luckyjob88'],
    [{ value: '@abc1234x', platform: 'line' }, 'handle:line:@abc1234x'],
    ['https://line.me/ti/p/~luckyjob88', 'handle:line:luckyjob88'],
    ['https://line.me/R/ti/p/%40abc1234x', 'handle:line:@abc1234x'],
    [{ value: 'Wxid_Lucky888', platform: 'wechat' }, 'handle:wechat:wxid_lucky888'],
  ],
  invalid: [
    [{ value: '@abc', platform: 'telegram' }, /not a valid Telegram handle/],
    [{ value: '1scamboss', platform: 'telegram' }, /not a valid Telegram handle/],
    [{ value: 'scam_boss_', platform: 'telegram' }, /not a valid Telegram handle/],
    ['https://t.me/+AbCdEfGhIjK', /invitation/],
    ['https://t.me/joinchat/AbCdEf', /invitation/],
    ['scam_boss', /needs a platform/],
    [{ value: 't.me/scam_boss', platform: 'instagram' }, /link is for telegram, not instagram/],
    ['https://www.instagram.com/p/Cxyz123/', /does not name a profile/],
    [{ value: '.lucky', platform: 'instagram' }, /not a valid Instagram handle/],
    [{ value: 'lucky..trader', platform: 'instagram' }, /not a valid Instagram handle/],
    [{ value: 'toolongusername_x', platform: 'x' }, /not a valid X handle/],
    ['https://www.tiktok.com/video/123', /does not name a profile/],
    ['https://twitter.com/i/status/1', /does not name a profile/],
    ['https://www.facebook.com/groups/123456789', /does not name a profile/],
    [{ value: 'abc', platform: 'facebook' }, /not a valid Facebook handle/],
    ['https://chat.whatsapp.com/AbCdEf', /group invitation/],
    [{ value: '081 234 5678', platform: 'whatsapp' }, /WhatsApp account: .*needs a country/],
    [{ value: 'not-a-number', platform: 'whatsapp' }, /WhatsApp account/],
    [{ value: '12345abc', platform: 'wechat' }, /not a valid WeChat handle/],
    [{ value: 'abc', platform: 'line' }, /not a valid LINE handle/],
    ['https://line.me/ti/p/AbCdEfGh12', /not contain a LINE ID/],
    ['https://signal.me/#eu/AbCdEfGh', /encrypted/],
    ['https://example.com/scam_boss', /not recognised as profile links/],
    ['https://constructor/scam_boss', /not recognised as profile links/],
    [{ value: 'someone', platform: 'myspace' as HandlePlatform }, /unsupported platform 'myspace'/],
  ],
  same: [
    [
      { value: '@Scam_Boss', platform: 'telegram' },
      { value: 'scam_boss', platform: 'telegram' },
      't.me/scam_boss',
      'https://t.me/Scam_Boss',
      'https://telegram.me/SCAM_BOSS',
      'tg://resolve?domain=Scam_Boss',
    ],
    [
      { value: '+66 81 234 5678', platform: 'whatsapp' },
      { value: '081-234-5678', platform: 'whatsapp', country: 'TH' },
      'https://wa.me/66812345678',
      'https://api.whatsapp.com/send?phone=%2B66812345678',
    ],
    [
      { value: 'john.smith.77', platform: 'facebook' },
      { value: 'JohnSmith77', platform: 'facebook' },
      'facebook.com/john.smith.77',
      'https://m.facebook.com/JOHN.SMITH.77',
    ],
    ['https://www.instagram.com/Lucky.Trader_88', { value: '@lucky.trader_88', platform: 'instagram' }],
    ['https://x.com/CryptoQueen_TH', 'https://mobile.twitter.com/cryptoqueen_th'],
  ],
  different: [
    (['telegram', 'instagram', 'x', 'tiktok', 'line', 'wechat'] as const).map((platform) => ({
      value: 'scam_boss88',
      platform,
    })),
    [
      { value: '+66812345678', platform: 'whatsapp' },
      { value: '+66812345678', platform: 'signal' },
      { value: '+66812345679', platform: 'whatsapp' },
    ],
    [
      { value: 'abc1234x', platform: 'line' },
      { value: '@abc1234x', platform: 'line' },
    ],
    [
      { value: 'lucky.trader', platform: 'instagram' },
      { value: 'luckytrader', platform: 'instagram' },
    ],
  ],
});

describe('handle details', () => {
  it('keeps the phone facts of a WhatsApp account', () => {
    const result = normalise('handle', 'https://wa.me/66812345678');
    expect(result.ok && result.selector.details).toEqual({
      platform: 'whatsapp',
      type: 'phone',
      callingCode: '66',
      country: 'TH',
      numberType: 'mobile',
    });
    expect(result.ok && result.selector.display).toBe('+66 81 234 5678 (WhatsApp)');
  });

  it('tells a numeric Facebook id from a user name', () => {
    const id = normalise('handle', { value: '100012345678901', platform: 'facebook' });
    expect(id.ok && id.selector.details.type).toBe('id');
    const name = normalise('handle', { value: 'lucky.trader.th', platform: 'facebook' });
    expect(name.ok && name.selector.details.type).toBe('username');
  });

  it('displays a Telegram user name with its @', () => {
    const result = normalise('handle', 'https://t.me/Scam_Boss');
    expect(result.ok && result.selector.display).toBe('@scam_boss (Telegram)');
  });
});
