import { createHash } from 'node:crypto';

/**
 * A name-based UUID: the SHA-1 of `name` laid out as a version-5 UUID (RFC 4122). Loaders give
 * streams and commands ids made from what they are ("concord-demo:organisation:ILO"), so running
 * them again addresses the same streams with the same command ids and appends nothing.
 */
export function nameBasedId(name: string): string {
  const bytes = createHash('sha1').update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
