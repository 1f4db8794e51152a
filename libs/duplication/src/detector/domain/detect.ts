import type { ActivityProfile } from './activity-profile';
import { candidatePairs } from './candidate-pairs';
import { DETECTOR_CONFIG, type DetectorConfig } from './detector.config';
import { judgePair, type Verdict } from './pair-scoring';
import { pairSignals, prepare } from './pair-signals';

export interface DetectedPair extends Verdict {
  /** The two activity ids, the smaller first. */
  a: string;
  b: string;
}

export interface Detection {
  pairs: DetectedPair[];
  /** Pairs the blocking let through to scoring. */
  candidatesExamined: number;
}

/** Words weigh by rarity across the activities compared: log(N / (1 + documents with the word)). */
function rarity(words: Iterable<Set<string>>, documents: number): (word: string) => number {
  const frequency = new Map<string, number>();
  for (const set of words) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return (word) => Math.max(0.1, Math.log(documents / (1 + (frequency.get(word) ?? 0))));
}

/** Every pair of activities the detector flags, with its kind, score and reasons. Pure. */
export function detectDuplication(
  profiles: readonly ActivityProfile[],
  config: DetectorConfig = DETECTOR_CONFIG,
): Detection {
  const prepared = profiles.map(prepare);
  const weight = rarity(
    prepared.map((p) => p.words),
    Math.max(2, prepared.length),
  );
  const candidates = candidatePairs(prepared);
  const pairs: DetectedPair[] = [];
  for (const [a, b] of candidates) {
    const verdict = judgePair(pairSignals(a, b, weight), config);
    if (verdict) pairs.push({ a: a.profile.id, b: b.profile.id, ...verdict });
  }
  return { pairs, candidatesExamined: candidates.length };
}
