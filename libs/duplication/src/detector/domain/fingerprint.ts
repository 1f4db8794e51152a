import { createHash } from 'node:crypto';
import type { ActivityProfile } from './activity-profile';

/**
 * A digest of everything the detector reads of a set of activities, in a fixed order. Two scans
 * of unchanged activities give the same fingerprint; any change the detector could see gives
 * another, which is what lets a dismissed flag come back (and only then).
 */
export function fingerprintOf(profiles: readonly ActivityProfile[]): string {
  const canonical = [...profiles]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((p) => [
      p.id,
      p.titles,
      p.descriptions,
      p.organisation,
      [...p.partners].sort(),
      p.country,
      [...p.areas].sort(),
      [...p.policyAreas].sort(),
      [...p.guarantees].sort(),
      [...p.functions].sort(),
      [...p.targetGroups].sort(),
      [...p.counterparts].sort(),
      p.start,
      p.end,
      p.budget,
      p.jointProgramme,
    ]);
  return digest(canonical);
}

/** A short, stable digest of plain data: what fingerprints are made of. */
export const digest = (canonical: unknown) =>
  createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
