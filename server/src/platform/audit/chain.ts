import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

// canonicalize is CommonJS (module.exports = fn): its default import is the function at run time.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** Serialises appenders so the chain stays a line; held until the transaction ends. */
export const AUDIT_LOCK = 7202;

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers. */
export interface AuditFields {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  actorTokenId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  details: unknown;
  requestId: string | null;
}

/** hash = SHA-256( previous hash ‖ "\n" ‖ RFC 8785 canonical JSON of the fields ). */
export function chainHash(prevHash: string, fields: AuditFields): string {
  const canonical = canonicalize(fields);
  if (canonical === undefined) throw new Error('audit fields are not serialisable');
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
