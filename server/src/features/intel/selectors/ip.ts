import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { fail, ok, refang } from './common.ts';
import type { NormaliseResult } from './types.ts';

// node:net decides what is an address (strict dotted decimal: no octal "010.0.0.1", no hex, no
// shortened "127.1" — forms ipaddr.js would silently reinterpret); ipaddr.js then gives the
// canonical text (RFC 5952 compressed lower-case IPv6) and the range name. Private and loopback
// addresses are kept (a seized phone's config is evidence too); details.range tells them apart.
// IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 host itself and is keyed as IPv4.

const RANGE_NAMES: Record<string, string> = {
  unicast: 'public',
  carrierGradeNat: 'carrier-grade-nat',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  ipv4Mapped: 'ipv4-mapped',
  rfc6145: 'rfc6145',
  rfc6052: 'rfc6052',
  '6to4': '6to4',
  teredo: 'teredo',
  as112: 'as112',
  amt: 'amt',
  deprecated: 'deprecated',
  orchid2: 'orchid2',
  droneRemoteIdProtocolEntityTags: 'drone-remote-id',
};

// ipaddr.js reads any IPv6 with a dotted tail as IPv4-mapped (it turns the deprecated
// IPv4-compatible ::203.0.113.7 into ::ffff:cb00:7107), so the tail is converted to hex first.
const EMBEDDED_IPV4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

function embeddedIpv4ToHex(text: string): string {
  const m = EMBEDDED_IPV4.exec(text);
  if (!m) return text;
  const high = (Number(m[1]) << 8) | Number(m[2]);
  const low = (Number(m[3]) << 8) | Number(m[4]);
  return `${text.slice(0, m.index)}${high.toString(16)}:${low.toString(16)}`;
}

export function normaliseIp(value: string): NormaliseResult {
  let text = refang(value);
  if (text[0] === '[' && text.endsWith(']')) text = text.slice(1, -1);
  if (text.includes('/')) return fail('an address range (CIDR) is not a single IP address');
  if (text.includes('%')) return fail('IPv6 zone identifiers (%eth0) are local to one machine and not accepted');
  const version = isIP(text);
  if (version === 0) return fail('not a valid IPv4 or IPv6 address');
  let address = ipaddr.parse(version === 6 ? embeddedIpv4ToHex(text) : text);
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) address = v6.toIPv4Address();
  }
  const canonical = address.toString();
  const range = address.range();
  const details: Record<string, string> = {
    version: address.kind() === 'ipv4' ? '4' : '6',
    range: RANGE_NAMES[range] ?? range,
  };
  return ok('ip', canonical, canonical, details);
}
