import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

selectorTables('domain', {
  valid: [
    ['Example.COM.', 'domain:example.com'],
    ['www.scam-exchange.co.uk', 'domain:www.scam-exchange.co.uk'],
    ['bücher.de', 'domain:xn--bcher-kva.de'],
    ['примеры.рф', 'domain:xn--e1afmkfd1f.xn--p1ai'],
    ['faß.de', 'domain:xn--fa-hia.de'],
    ['ＬＵＣＫＹ-trade.com', 'domain:lucky-trade.com'],
    ['lucky-trade.github.io', 'domain:lucky-trade.github.io'],
    ['github.io', 'domain:github.io'],
    ['example[.]com', 'domain:example.com'],
    ['1688.com', 'domain:1688.com'],
    ['app.lucky-trade.com.kh', 'domain:app.lucky-trade.com.kh'],
  ],
  invalid: [
    ['com', /single label/],
    ['localhost', /single label/],
    ['co.uk', /public suffix/],
    ['192.0.2.1', /IP address is not a domain/],
    ['[2001:db8::1]', /IP address is not a domain/],
    ['https://example.com/x', /URLs and e-mail addresses have their own kinds/],
    ['user@example.com', /URLs and e-mail addresses have their own kinds/],
    ['exa mple.com', /URLs and e-mail addresses/],
    ['foo..bar.com', /invalid label ''/],
    ['-bad.com', /invalid label '-bad'/],
    ['under_score.example.com', /invalid label 'under_score'/],
    [`${'a'.repeat(64)}.com`, /invalid label/],
    ['example.notatld', /unknown top-level domain '.notatld'/],
    ['example.local', /unknown top-level domain/],
    ['xn--zz.com', /not a valid internationalised domain name/],
  ],
  same: [
    ['bücher.de', 'xn--bcher-kva.de', 'BÜCHER.DE.', 'XN--BCHER-KVA.de'],
    ['scam-exchange.com', 'SCAM-EXCHANGE.COM', 'scam-exchange[.]com', 'scam-exchange.com.'],
  ],
  different: [
    ['example.com', 'www.example.com'],
    ['аррӏе.com', 'apple.com'], // Cyrillic homograph stays a different domain
    ['faß.de', 'fass.de'],
  ],
});

describe('domain details', () => {
  it('gives the registrable domain without changing the key', () => {
    const result = normalise('domain', 'www.scam-exchange.co.uk');
    expect(result.ok && result.selector.details).toEqual({ registrable: 'scam-exchange.co.uk', publicSuffix: 'co.uk' });
  });

  it('treats private suffixes (github.io) as suffixes for the registrable domain', () => {
    const result = normalise('domain', 'cdn.lucky-trade.github.io');
    expect(result.ok && result.selector.details.registrable).toBe('lucky-trade.github.io');
  });

  it('shows both forms of an internationalised name', () => {
    const result = normalise('domain', 'xn--80ak6aa92e.com');
    expect(result.ok && result.selector.display).toBe('аррӏе.com (xn--80ak6aa92e.com)');
  });
});
