import type { DataSource } from 'typeorm';
import type { ActivityProfile } from '../domain/activity-profile';
import { judgePairs, type Detection } from '../domain/detect';
import { DETECTOR_CONFIG, type DetectorConfig } from '../domain/detector.config';
import { dividedLabourAmong } from '../domain/division-of-labour';
import { mayBeAlike, prepare, type PreparedProfile } from '../domain/pair-signals';
import { activityProfilesByIds, blockingRows } from './activity-profiles';
import { neighboursOf } from '../domain/candidate-pairs';
import { divisionsOfLabour, storedWordWeights } from './detection-corpus';

export interface DetectionAround extends Detection {
  /** The changed activities that still exist, and every neighbour compared with them. */
  profiles: Map<string, ActivityProfile>;
  /** The changed activities found in the read model. */
  subjects: string[];
}

/**
 * The incremental path: the pairs one or a few changed activities form with their neighbours,
 * scored exactly as the batch scan scores them (the same blocking, weights and rules), without
 * reading the other activities.
 */
export async function detectAround(
  db: DataSource,
  ids: readonly string[],
  config: DetectorConfig = DETECTOR_CONFIG,
): Promise<DetectionAround> {
  const subjects = await activityProfilesByIds(db, ids);
  const profiles = new Map<string, ActivityProfile>(subjects.map((s) => [s.id, s]));
  // Blocking on each country's rows, as the batch blocks; then only the neighbours are read.
  const chosen = new Map<string, string[]>();
  let candidatesExamined = 0;
  for (const country of new Set(subjects.map((s) => s.country))) {
    const here = subjects.filter((s) => s.country === country);
    // Later starts are after every subject's end: never neighbours.
    const lastEnd = here.reduce((end, s) => (s.end > end ? s.end : end), here[0].end);
    const rows = await blockingRows(db, country, lastEnd);
    for (const subject of here) {
      const row = rows.find((r) => r.profile.id === subject.id)!;
      const neighbours = neighboursOf(row, rows, config.blocking.window);
      candidatesExamined += neighbours.length;
      // Only pairs that pass the shared gates are read and scored: most of a crowded country's do not.
      chosen.set(
        subject.id,
        neighbours.filter((n) => mayBeAlike(row, n)).map((n) => n.profile.id),
      );
    }
  }
  const missing = [...new Set([...chosen.values()].flat())].filter((id) => !profiles.has(id));
  for (const neighbour of await activityProfilesByIds(db, missing)) profiles.set(neighbour.id, neighbour);
  const prepared = new Map<string, PreparedProfile>();
  const prepareOnce = (id: string) => prepared.get(id) ?? prepared.set(id, prepare(profiles.get(id)!)).get(id)!;
  const pairs: [PreparedProfile, PreparedProfile][] = [];
  const seen = new Set<string>();
  for (const [subject, neighbours] of chosen) {
    for (const neighbour of neighbours) {
      const key = [subject, neighbour].sort().join('\u001f');
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push([prepareOnce(subject), prepareOnce(neighbour)]);
    }
  }
  const words = [...prepared.values()].flatMap((p) => [...p.words]);
  const countries = [...new Set(subjects.map((s) => s.country))];
  const [weight, divisions] = await Promise.all([storedWordWeights(db, words), divisionsOfLabour(db, countries)]);
  const corpus = { weight, dividedLabour: dividedLabourAmong(divisions) };
  return {
    pairs: judgePairs(pairs, corpus, config),
    candidatesExamined,
    profiles,
    subjects: subjects.map((s) => s.id),
  };
}
