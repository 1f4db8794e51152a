import type { CommandRunner } from '@concord/eventing';
import { systemActor } from '@concord/kernel';
import type { DataSource } from 'typeorm';
import { activityProfiles } from '../../detector/application/activity-profiles';
import { detectDuplication } from '../../detector/domain/detect';
import { DETECTOR_CONFIG, type DetectorConfig } from '../../detector/domain/detector.config';
import { fingerprintOf } from '../../detector/domain/fingerprint';
import type { DuplicationFlagCommand } from '../domain/duplication-flag.commands';
import { duplicationFlagAggregate, flagIdFor } from '../domain/duplication-flag.aggregate';
import type { FlagSubject } from '../domain/duplication-flag.events';

export interface ScanSummary {
  activities: number;
  candidatesExamined: number;
  /** Pairs the detector finds alike now. */
  found: number;
  raised: number;
  /** Rescored or, for a pair whose subjects changed since it was dismissed or resolved, reopened. */
  changed: number;
  cleared: number;
  unchanged: number;
  ms: number;
}

/**
 * `concord dedupe scan`: the detector over every activity, its findings reconciled with the flags
 * through `Detect` commands (so flags stay events): new pairs raise flags, changed ones are
 * rescored, flags whose pair is no longer alike are cleared, and dismissed or resolved ones stay
 * so unless their subjects changed.
 */
export async function scanDuplication(
  { runner, db }: { runner: CommandRunner; db: DataSource },
  correlationId: string,
  config: DetectorConfig = DETECTOR_CONFIG,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ScanSummary> {
  const started = performance.now();
  const profiles = (await activityProfiles(db)).map((a) => a.profile);
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const detection = detectDuplication(profiles, config);
  const known: { id: string; subjects: FlagSubject[]; country: string; organisations: string[] }[] = await db.query(
    `SELECT id, subjects, country, organisations FROM duplication_flags WHERE status IN ('OPEN', 'CONFIRMED')`,
  );
  const existing = new Set((await db.query(`SELECT id FROM duplication_flags`)).map((r: { id: string }) => r.id));
  const summary: ScanSummary = {
    activities: profiles.length,
    candidatesExamined: detection.candidatesExamined,
    found: detection.pairs.length,
    raised: 0,
    changed: 0,
    cleared: 0,
    unchanged: 0,
    ms: 0,
  };
  const send = (flagId: string, command: DuplicationFlagCommand) =>
    runner.run(duplicationFlagAggregate, { streamId: flagId, command, actor: systemActor, correlationId });
  const found = new Set<string>();
  let done = 0;
  const total = detection.pairs.length;
  for (const pair of detection.pairs) {
    const [a, b] = [byId.get(pair.a)!, byId.get(pair.b)!];
    const subjects: FlagSubject[] = [
      { type: 'ACTIVITY', id: a.id },
      { type: 'ACTIVITY', id: b.id },
    ];
    const flagId = flagIdFor(subjects);
    found.add(flagId);
    const { kind, score, contributions } = pair;
    const result = await send(flagId, {
      type: 'Detect',
      data: {
        subjects,
        country: a.country,
        organisations: [...new Set([a.organisation, b.organisation])],
        finding: { kind, score, contributions, fingerprint: fingerprintOf([a, b]) },
      },
    });
    if (!result.eventIds.length) summary.unchanged++;
    else if (existing.has(flagId)) summary.changed++;
    else summary.raised++;
    onProgress(++done, total);
  }
  for (const flag of known) {
    if (found.has(flag.id)) continue;
    const result = await send(flag.id, {
      type: 'Detect',
      data: { subjects: flag.subjects, country: flag.country, organisations: flag.organisations, finding: null },
    });
    if (result.eventIds.length) summary.cleared++;
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
