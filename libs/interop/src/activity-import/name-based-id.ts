import { createHash } from 'node:crypto';

/**
 * A name-based UUID: the SHA-1 of `concord-import:<kind>:<key>` laid out as a version-5 UUID.
 * Imported streams get their ids this way, so importing the same record again, into this store
 * or into a fresh one, addresses the same stream.
 */
export function nameBasedId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`concord-import:${kind}:${key}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
