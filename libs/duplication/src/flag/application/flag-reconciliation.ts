import type { CommandRunner } from '@concord/eventing';
import { eachConcurrently, systemActor } from '@concord/kernel';
import type { DataSource } from 'typeorm';
import type { DuplicationFlagCommand } from '../domain/duplication-flag.commands';
import { duplicationFlagAggregate, flagIdFor } from '../domain/duplication-flag.aggregate';
import { duplicationFlagDecider, type ExistingFlag } from '../domain/duplication-flag.decider';
import type { FlagKind, FlagSubject } from '../domain/duplication-flag.events';
import type { FoundFlag } from './found-flag';

export interface Reconciliation {
  raised: number;
  /** Rescored or, for a pair whose subjects changed since it was dismissed or resolved, reopened. */
  changed: number;
  cleared: number;
  unchanged: number;
}

const IN_FLIGHT = 8;

/** Which flags a detection speaks for: those of these kinds, about these subjects (all when absent). */
export interface DetectionScope {
  kinds: FlagKind[];
  subjectIds?: readonly string[];
}

/**
 * Turns what the detector found into `Detect` commands (so flags stay events): a new finding
 * raises a flag, a changed one rescores it, and an open or confirmed flag in scope that nothing
 * supports any more is cleared. The decider keeps dismissed and resolved flags as they are
 * unless their subjects changed.
 */
export async function reconcileFlags(
  { runner, db }: { runner: CommandRunner; db: DataSource },
  found: readonly FoundFlag[],
  scope: DetectionScope,
  correlationId: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<Reconciliation> {
  const send = (flagId: string, command: DuplicationFlagCommand) =>
    runner.run(duplicationFlagAggregate, { streamId: flagId, command, actor: systemActor, correlationId });
  const ids = found.map((f) => flagIdFor(f.subjects));
  const [known, open]: [
    (ExistingFlag & { id: string })[],
    { id: string; subjects: FlagSubject[]; country: string; organisations: string[] }[],
  ] = await Promise.all([
    db.query(
      `SELECT id, status, country, organisations, kind, score::float8 AS score, fingerprint
         FROM duplication_flags WHERE id = ANY($1)`,
      [ids],
    ),
    db.query(
      `SELECT id, subjects, country, organisations FROM duplication_flags
        WHERE status IN ('OPEN', 'CONFIRMED') AND kind = ANY($1) AND ($2::text[] IS NULL OR subject_ids && $2)`,
      [scope.kinds, scope.subjectIds ?? null],
    ),
  ]);
  const existing = new Map(known.map(({ id, ...flag }) => [id, flag]));
  // What the decider would say given the flag as its read model has it: a finding it would ignore
  // costs no command (most of a rescan). Should the row lag, the next check or scan catches up.
  const ignored = (id: string, flag: FoundFlag) =>
    duplicationFlagDecider.decide({ type: 'Detect', data: flag }, existing.get(id) ?? { status: 'none' }, {
      actor: systemActor,
      now: new Date(),
    }).length === 0;
  const result: Reconciliation = { raised: 0, changed: 0, cleared: 0, unchanged: 0 };
  let done = 0;
  // Each flag is its own stream: a few commands in flight keep the database busy.
  await eachConcurrently(found, IN_FLIGHT, async (flag, i) => {
    const { eventIds } = ignored(ids[i], flag) ? { eventIds: [] } : await send(ids[i], { type: 'Detect', data: flag });
    if (!eventIds.length) result.unchanged++;
    else if (existing.has(ids[i])) result.changed++;
    else result.raised++;
    onProgress(++done, found.length);
  });
  const supported = new Set(ids);
  const unsupported = open.filter((flag) => !supported.has(flag.id));
  await eachConcurrently(unsupported, IN_FLIGHT, async ({ id, subjects, country, organisations }) => {
    const { eventIds } = await send(id, { type: 'Detect', data: { subjects, country, organisations, finding: null } });
    if (eventIds.length) result.cleared++;
  });
  return result;
}
