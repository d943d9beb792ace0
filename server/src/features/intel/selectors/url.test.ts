import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

selectorTables('url', {
  valid: [
    [
      'HTTPS://Scam-Exchange.COM:443/Login?utm_source=fb&ref=ABC&fbclid=xyz#/register',
      'url:https://scam-exchange.com/Login?ref=ABC',
    ],
    ['http://scam-exchange.com:8080/a', 'url:http://scam-exchange.com:8080/a'],
    ['https://bücher.de/ä?q=ü', 'url:https://xn--bcher-kva.de/%C3%A4?q=%C3%BC'],
    ['hxxps://bad-bank[.]com/login', 'url:https://bad-bank.com/login'],
    ['https://example.com', 'url:https://example.com/'],
    ['https://example.com/?', 'url:https://example.com/'],
    ['https://example.com/%7euser/a%2fb', 'url:https://example.com/~user/a%2Fb'],
    ['https://example.com/a/./b/../c', 'url:https://example.com/a/c'],
    ['http://203.0.113.7/panel', 'url:http://203.0.113.7/panel'],
    ['https://[2001:DB8::1]:8443/x', 'url:https://[2001:db8::1]:8443/x'],
    ['http://paypal.com@evil-login.com/', 'url:http://paypal.com@evil-login.com/'],
    ['https://t.me/scam_boss', 'url:https://t.me/scam_boss'],
    ['https://app.lucky-trade.com/#/pages/login?invite=88', 'url:https://app.lucky-trade.com/'],
    ['https://shop.example.com/p?id=1&UTM_Medium=x&gclid=2&id=2', 'url:https://shop.example.com/p?id=1&id=2'],
  ],
  invalid: [
    ['ftp://example.com/file', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['example.com/path', /must start with http/],
    ['www.example.com', /must start with http/],
    ['https://exa mple.com/', /not a valid URL/],
    ['http://', /not a valid URL/],
    ['https://localhost/', /single label/],
    ['https://example.notatld/', /unknown top-level domain/],
    ['https://co.uk/', /public suffix/],
  ],
  same: [
    [
      'https://scam-exchange.com/login',
      'HTTPS://SCAM-EXCHANGE.COM:443/login',
      'https://scam-exchange.com/login?utm_campaign=x&gclid=1',
      'https://scam-exchange.com/login#top',
      'https://scam-exchange.com/%6Cogin',
      'hxxps[:]//scam-exchange[.]com/login',
      'https://scam-exchange.com./login',
    ],
    ['https://bücher.de/', 'https://xn--bcher-kva.de', 'https://BÜCHER.de:443/'],
  ],
  different: [
    [
      'https://scam-exchange.com/login',
      'http://scam-exchange.com/login',
      'https://scam-exchange.com/Login',
      'https://scam-exchange.com/login/',
      'https://scam-exchange.com/login?ref=1',
      'https://www.scam-exchange.com/login',
    ],
    ['https://example.com/?a=1&b=2', 'https://example.com/?b=2&a=1'],
  ],
});

describe('url details', () => {
  it('names the host, registrable domain and the dropped fragment', () => {
    const result = normalise('url', 'https://app.lucky-trade.co.uk/#/register?code=X9');
    expect(result.ok && result.selector.details).toEqual({
      scheme: 'https',
      domain: 'app.lucky-trade.co.uk',
      registrable: 'lucky-trade.co.uk',
      fragment: '/register?code=X9',
    });
  });

  it('names the IP of an IP-hosted URL', () => {
    const result = normalise('url', 'http://[2001:db8::7]/admin');
    expect(result.ok && result.selector.details.ip).toBe('2001:db8::7');
  });
});
