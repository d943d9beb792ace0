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

/**
 * The canonical JSON of a record's fields without `seq` and without the closing brace. In RFC 8785
 * order "seq" is the last key of the fields, so the canonical JSON of the whole record is this
 * text followed by `,"seq":<n>}`: the database (audit_append, migration 0021) closes it once it
 * knows the record's place in the chain, and hashes it exactly as `chainHash` does.
 */
export function canonicalWithoutSeq(fields: Omit<AuditFields, 'seq'>): string {
  const f = fields;
  const details = canonicalize(f.details);
  if (details === undefined) throw new Error('audit details are not serialisable');
  // RFC 8785 for these fields: keys in UTF-16 order, strings as JSON.stringify writes them (the
  // same escapes), details canonicalised. Checked against canonicalize by a property test.
  return (
    `{"action":${JSON.stringify(f.action)},"actorAgencyId":${nullable(f.actorAgencyId)},` +
    `"actorTokenId":${nullable(f.actorTokenId)},"actorUserId":${nullable(f.actorUserId)},"at":${JSON.stringify(f.at)},` +
    `"details":${details},"objectId":${nullable(f.objectId)},"objectType":${JSON.stringify(f.objectType)},` +
    `"requestId":${nullable(f.requestId)}`
  );
}

function nullable(v: string | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') throw new Error('audit fields are not serialisable');
  return JSON.stringify(v);
}
