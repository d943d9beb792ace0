import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

selectorTables('ip', {
  valid: [
    ['203.0.113.7', 'ip:203.0.113.7'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', 'ip:2001:db8::1'],
    ['[2001:db8::1]', 'ip:2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', 'ip:2001:db8::1:0:0:1'],
    ['::ffff:198.51.100.23', 'ip:198.51.100.23'],
    ['10.1.2.3', 'ip:10.1.2.3'],
    ['127.0.0.1', 'ip:127.0.0.1'],
    ['203.0.113[.]7', 'ip:203.0.113.7'],
    ['fe80::1', 'ip:fe80::1'],
    ['::', 'ip:::'],
  ],
  invalid: [
    ['010.0.0.1', /not a valid IPv4 or IPv6 address/],
    ['0x7f.0.0.1', /not a valid IPv4 or IPv6 address/],
    ['127.1', /not a valid IPv4 or IPv6 address/],
    ['256.1.1.1', /not a valid IPv4 or IPv6 address/],
    ['203.0.113.0/24', /CIDR/],
    ['fe80::1%eth0', /zone identifiers/],
    ['2001:db8::g', /not a valid IPv4 or IPv6 address/],
    ['2001:db8::1::2', /not a valid IPv4 or IPv6 address/],
    ['example.com', /not a valid IPv4 or IPv6 address/],
  ],
  same: [
    ['2001:db8::1', '2001:DB8:0:0:0:0:0:1', '[2001:0db8::0001]', '2001:db8:0000::1'],
    ['198.51.100.23', '::ffff:198.51.100.23', ' 198.51.100.23 ', '198.51.100[.]23'],
  ],
  different: [['203.0.113.7', '203.0.113.70', '2001:db8::cb00:7107', '::203.0.113.7']],
});

describe('ip details', () => {
  it.each([
    ['8.8.8.8', 'public', '4'],
    ['10.1.2.3', 'private', '4'],
    ['192.168.0.10', 'private', '4'],
    ['127.0.0.1', 'loopback', '4'],
    ['100.64.0.1', 'carrier-grade-nat', '4'],
    ['2606:4700::1111', 'public', '6'],
    ['fe80::1', 'link-local', '6'],
    ['fd00::1', 'unique-local', '6'],
    ['::1', 'loopback', '6'],
  ])('%s is %s (IPv%s)', (address, range, version) => {
    const result = normalise('ip', address);
    expect(result.ok && result.selector.details).toEqual({ version, range });
  });
});
