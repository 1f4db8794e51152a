import { createHash } from 'node:crypto';

/**
 * A name-based UUID: the SHA-1 of `concord-demo:<kind>:<key>` laid out as a version-5 UUID.
 * Stream ids and command ids of the demo are all made this way, so loading it again addresses
 * the same streams with the same command ids, and the event store replays instead of appending.
 */
export function demoId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`concord-demo:${kind}:${key}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
