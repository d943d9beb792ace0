import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

// canonicalize is CommonJS (module.exports = fn): its default import is the function at run time.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** RFC 4122 name-based UUID (version 5, SHA-1). */
export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Namespace of every Cordon-made STIX id: uuidv5('cordon.stix', URL namespace). Never change it. */
export const CORDON_NAMESPACE = uuidv5('https://cordon.example/stix', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');
/** STIX 2.1 §2.9: the namespace for deterministic SCO ids. */
export const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** SDO/SRO id derived from a Cordon id, so that a re-export gives the same STIX id. */
export function stixId(type: string, cordonId: string): string {
  return `${type}--${uuidv5(`${type}:${cordonId}`, CORDON_NAMESPACE)}`;
}

/** SCO id per STIX 2.1 §2.9: UUIDv5 over the JCS-canonical JSON of the id-contributing properties. */
export function scoId(type: string, contributing: Record<string, string | undefined>): string {
  const present = Object.fromEntries(Object.entries(contributing).filter(([, v]) => v !== undefined));
  return `${type}--${uuidv5(canonicalize(present) ?? '{}', SCO_NAMESPACE)}`;
}

/** STIX timestamps: UTC with exactly millisecond precision (`2024-01-02T03:04:05.000Z`). */
export function stixTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '1970-01-01T00:00:00.000Z' : d.toISOString();
}
