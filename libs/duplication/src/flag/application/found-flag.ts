import type { ActivityProfile } from '../../detector/domain/activity-profile';
import type { DetectedPair } from '../../detector/domain/detect';
import { fingerprintOf } from '../../detector/domain/fingerprint';
import type { Finding, FlagSubject } from '../domain/duplication-flag.events';

/** What the detector found about some subjects: the content of one `Detect` command. */
export interface FoundFlag {
  subjects: FlagSubject[];
  country: string;
  organisations: string[];
  finding: Finding;
}

/** A pair of alike activities as a flag's finding. */
export function activityFinding(pair: DetectedPair, a: ActivityProfile, b: ActivityProfile): FoundFlag {
  const { kind, score, contributions } = pair;
  return {
    subjects: [
      { type: 'ACTIVITY', id: a.id },
      { type: 'ACTIVITY', id: b.id },
    ],
    country: a.country,
    organisations: [...new Set([a.organisation, b.organisation])],
    finding: { kind, score, contributions, fingerprint: fingerprintOf([a, b]) },
  };
}
