import type { CommandRunner } from '@concord/eventing';
import type { DataSource } from 'typeorm';
import { activityProfiles } from '../../detector/application/activity-profiles';
import { divisionsOfLabour } from '../../detector/application/detection-corpus';
import { competingProposalFindings } from '../../detector/application/proposal-competition';
import { detectDuplication } from '../../detector/domain/detect';
import { DETECTOR_CONFIG, type DetectorConfig } from '../../detector/domain/detector.config';
import { reconcileFlags, type Reconciliation } from './flag-reconciliation';
import { activityFinding } from './found-flag';

export interface ScanSummary extends Reconciliation {
  activities: number;
  candidatesExamined: number;
  /** Pairs the detector finds alike now: activities, and competing proposals. */
  found: number;
  ms: number;
}

/**
 * `concord dedupe scan`: the detector over every activity and proposal, its findings reconciled
 * with the flags (flag-reconciliation.ts): new pairs raise flags, changed ones are rescored,
 * flags whose pair is no longer alike are cleared, and dismissed or resolved ones stay so unless
 * their subjects changed.
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
  const detection = detectDuplication(profiles, config, await divisionsOfLabour(db));
  const activityFlags = detection.pairs.map((pair) => activityFinding(pair, byId.get(pair.a)!, byId.get(pair.b)!));
  const proposalFlags = await competingProposalFindings(db);
  const total = activityFlags.length + proposalFlags.length;
  const activities = await reconcileFlags(
    { runner, db },
    activityFlags,
    { kinds: ['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT'] },
    correlationId,
    (done) => onProgress(done, total),
  );
  const proposals = await reconcileFlags(
    { runner, db },
    proposalFlags,
    { kinds: ['COMPETING_PROPOSALS'] },
    correlationId,
    (done) => onProgress(activityFlags.length + done, total),
  );
  return {
    activities: profiles.length,
    candidatesExamined: detection.candidatesExamined,
    found: total,
    raised: activities.raised + proposals.raised,
    changed: activities.changed + proposals.changed,
    cleared: activities.cleared + proposals.cleared,
    unchanged: activities.unchanged + proposals.unchanged,
    ms: Math.round(performance.now() - started),
  };
}
