import type { ActivityProfile } from './activity-profile';
import { candidatePairs } from './candidate-pairs';
import { DETECTOR_CONFIG, type DetectorConfig } from './detector.config';
import { judgePair, type Verdict } from './pair-scoring';
import { dividedLabourAmong, type DivisionOfLabour } from './division-of-labour';
import { mayBeAlike, pairSignals, prepare, type Corpus, type PreparedProfile } from './pair-signals';

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

/** How a word weighs: log(N / (1 + activities with the word)), so "cash" counts for less than "DTKS". */
export const idf = (activities: number, withWord: number) =>
  Math.max(0.1, Math.log(Math.max(2, activities) / (1 + withWord)));

/** Word weights counted over the activities compared (the batch path). */
function rarity(words: Iterable<Set<string>>, activities: number): (word: string) => number {
  const frequency = new Map<string, number>();
  for (const set of words) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return (word) => idf(activities, frequency.get(word) ?? 0);
}

/** The verdicts on some pairs, each pair ordered by id. */
export function judgePairs(
  pairs: Iterable<[PreparedProfile, PreparedProfile]>,
  corpus: Corpus,
  config: DetectorConfig = DETECTOR_CONFIG,
): DetectedPair[] {
  const found: DetectedPair[] = [];
  for (const [x, y] of pairs) {
    if (!mayBeAlike(x, y)) continue;
    const [a, b] = x.profile.id < y.profile.id ? [x, y] : [y, x];
    const verdict = judgePair(pairSignals(a, b, corpus), config);
    if (verdict) found.push({ a: a.profile.id, b: b.profile.id, ...verdict });
  }
  return found;
}

/** Every pair of activities the detector flags, with its kind, score and reasons. Pure. */
export function detectDuplication(
  profiles: readonly ActivityProfile[],
  config: DetectorConfig = DETECTOR_CONFIG,
  divisions: readonly DivisionOfLabour[] = [],
): Detection {
  const prepared = profiles.map(prepare);
  const corpus: Corpus = {
    weight: rarity(
      prepared.map((p) => p.words),
      prepared.length,
    ),
    dividedLabour: dividedLabourAmong(divisions),
  };
  let candidatesExamined = 0;
  const counted = function* <T>(pairs: Iterable<T>) {
    for (const pair of pairs) {
      candidatesExamined++;
      yield pair;
    }
  };
  const pairs = judgePairs(counted(candidatePairs(prepared, config.blocking.window)), corpus, config);
  return { pairs, candidatesExamined };
}
