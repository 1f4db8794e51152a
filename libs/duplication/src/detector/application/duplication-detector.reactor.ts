import { awaitProjected, type CommandRunner, type EventEnvelope, type Reactor } from '@concord/eventing';
import { PROPOSAL_STREAM } from '@concord/funding';
import { ACTIVITY_STREAM, JOINT_PROGRAMME_STREAM } from '@concord/programming';
import type { DataSource } from 'typeorm';
import { reconcileFlags, type Reconciliation } from '../../flag/application/flag-reconciliation';
import { activityFinding } from '../../flag/application/found-flag';
import { DETECTOR_CONFIG, type DetectorConfig } from '../domain/detector.config';
import { detectAround } from './detect-around';
import { DETECTOR_CONFIG_VARIABLE, loadDetectorConfig } from './detector-config-file';
import { competingProposalFindings } from './proposal-competition';

/** The last version of each stream of a type in a batch. */
function streams(batch: readonly EventEnvelope[], streamType: string): Map<string, number> {
  const versions = new Map<string, number>();
  for (const e of batch)
    if (e.streamType === streamType) versions.set(e.streamId, Math.max(e.version, versions.get(e.streamId) ?? 0));
  return versions;
}

/** Activities whose neighbourhood a joint programme's change or a body's division of labour may alter. */
async function activitiesTouchedBy(db: DataSource, batch: readonly EventEnvelope[]): Promise<string[]> {
  const programmes = [...streams(batch, JOINT_PROGRAMME_STREAM).keys()];
  const divisions = batch.filter((e) => e.type === 'BodyDivisionOfLabourRecorded');
  // Most batches are activity events alone: nothing to look up.
  if (!programmes.length && !divisions.length) return [];
  await awaitProjected(db, ['directory.coordination-bodies'], new Map(divisions.map((e) => [e.streamId, e.version])));
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM programming_activities WHERE joint_programme_id = ANY($1)
     UNION
     SELECT a.id FROM programming_activities a
       JOIN directory_coordination_bodies b ON b.country = a.country AND b.id = ANY($2)
       JOIN directory_body_divisions d ON d.body_id = b.id AND a.organisation = ANY(d.organisations)`,
    [programmes, divisions.map((e) => e.streamId)],
  );
  return rows.map((r) => r.id);
}

/**
 * The incremental check: some changed activities against their neighbours, their flags raised,
 * rescored or cleared. What the streaming detector does for each batch (benchmarked in bench/dedupe).
 */
export async function recheckActivities(
  deps: { db: DataSource; runner: CommandRunner },
  ids: readonly string[],
  correlationId: string,
  config: DetectorConfig = DETECTOR_CONFIG,
): Promise<Reconciliation> {
  const around = await detectAround(deps.db, ids, config);
  const found = around.pairs.map((p) => activityFinding(p, around.profiles.get(p.a)!, around.profiles.get(p.b)!));
  return reconcileFlags(
    deps,
    found,
    { kinds: ['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT'], subjectIds: ids },
    correlationId,
  );
}

/**
 * The streaming detector (ARCHITECTURE §7): on every activity, joint programme, proposal or
 * division-of-labour event it checks the subjects changed against their neighbours, once the
 * read models it reads have applied the event, and reconciles their flags through `Detect`
 * commands, exactly as `concord dedupe scan` would for them.
 */
let configured: DetectorConfig | undefined;
/** The settings DEDUPE_CONFIG names, read once per process. */
const config = () => (configured ??= loadDetectorConfig(process.env[DETECTOR_CONFIG_VARIABLE]));

export const duplicationDetector: Reactor = {
  name: 'duplication-detector',
  contexts: ['programming', 'funding', 'directory'],
  check: () => void config(),
  async react(batch, { db, commands }) {
    if (!batch.length) return;
    const correlationId = batch[batch.length - 1].metadata.correlationId;
    const activities = streams(batch, ACTIVITY_STREAM);
    await awaitProjected(db, ['programming.activities', 'duplication.activity-words'], activities);
    const ids = [...new Set([...activities.keys(), ...(await activitiesTouchedBy(db, batch))])];
    if (ids.length) await recheckActivities({ db, runner: commands }, ids, correlationId, config());
    const proposals = streams(batch, PROPOSAL_STREAM);
    if (proposals.size) {
      await awaitProjected(db, ['funding.proposals'], proposals);
      const ids = [...proposals.keys()];
      await reconcileFlags(
        { runner: commands, db },
        await competingProposalFindings(db, ids),
        { kinds: ['COMPETING_PROPOSALS'], subjectIds: ids },
        correlationId,
      );
    }
  },
};
