import { organisationAggregate, type Residency } from '@concord/directory';
import type { Aggregate, AppendResult, CommandRunner, Provenance } from '@concord/eventing';
import { systemActor, type DomainEvent } from '@concord/kernel';
import { demoId } from './demo-ids';
import type { DemoOrganisation, OrganisationNames } from './organisation-names';

/** One command of the demo, on a stream and with a command id both named after what they are. */
export interface DemoStep {
  /** What it does, for reports: "register", "admit UNICEF", "presence of ILO in KHM". */
  what: string;
  run(runner: CommandRunner, correlationId: string, provenance: Provenance): Promise<AppendResult>;
}

/** Something the demo loads (an organisation, a joint programme): its commands in order, or why not. */
export interface DemoRecord {
  /** How reports name it: "ILO", "JP-KHM", "MOZ: UN Joint Programme (on Social Protection)". */
  label: string;
  steps: DemoStep[];
  /** What the documents only imply: written into the events' provenance and listed by --verbose. */
  inferred: string[];
  /** Verbatim parts of the source row the demo could not use: a region, a group that is no organisation, "since 2011". */
  leftOut: string[];
  /** Set when nothing of the record can be loaded, saying why. */
  skipped?: string;
}

/** One source table turned into records. */
export interface DemoTable {
  name: string;
  /** The data file it comes from. */
  source: string;
  records: DemoRecord[];
}

export const organisationStream = (code: string) => ({ kind: 'organisation', key: code });

/** The id of a demo stream, e.g. of the organisation a child names as its parent. */
export const demoStreamId = (stream: { kind: string; key: string }) => demoId(stream.kind, stream.key);

/** A record of which nothing can be loaded, and why. */
export const skippedRecord = (label: string, reason: string): DemoRecord => ({
  label,
  steps: [],
  inferred: [],
  leftOut: [],
  skipped: reason,
});

/**
 * A step on the stream `<kind>:<key>`. The stream id and the command id are name-based UUIDs
 * (demoId), so a second load sends the same command ids to the same streams and appends nothing.
 */
export function demoStep<C, E extends DomainEvent, S>(
  aggregate: Aggregate<C, E, S>,
  stream: { kind: string; key: string },
  what: string,
  command: C,
): DemoStep {
  const streamId = demoStreamId(stream);
  const commandId = demoId(stream.kind, `${stream.key}:${what}`);
  return {
    what,
    run: (runner, correlationId, provenance) =>
      runner.run(aggregate, { streamId, command, actor: systemActor, correlationId, commandId, provenance }),
  };
}

/** What the table planners share: the organisations, and the country presences already planned. */
export class PlanContext {
  private readonly claimed = new Set<string>();
  /** The day of the load (YYYY-MM-DD): what has ended by then is CLOSED. */
  readonly today = new Date().toISOString().slice(0, 10);

  constructor(
    readonly organisations: ReadonlyMap<string, DemoOrganisation>,
    readonly names: OrganisationNames,
  ) {}

  /**
   * Presence steps for organisations a table says work in these countries, each organisation and
   * country once across all tables, with a note of what was inferred. The documents never say
   * whether an office is resident, so multilaterals (which keep country offices) are taken as
   * RESIDENT and the rest as NON_RESIDENT, unless the caller knows.
   */
  presences(
    codes: readonly string[],
    countries: readonly string[],
    residency?: Residency,
  ): { steps: DemoStep[]; inferred: string[] } {
    const steps: DemoStep[] = [];
    const inferred: string[] = [];
    for (const code of codes) {
      const fresh = countries.filter((country) => !this.claimed.has(`${code}:${country}`));
      fresh.forEach((country) => this.claimed.add(`${code}:${country}`));
      const chosen = residency ?? (this.organisations.get(code)?.type === '40' ? 'RESIDENT' : 'NON_RESIDENT');
      steps.push(...fresh.map((country) => presenceStep(code, country, chosen)));
      if (fresh.length && !residency) inferred.push(`${code} works in ${fresh.join(', ')} (${chosen.toLowerCase()})`);
    }
    return { steps, inferred };
  }
}

const presenceStep = (code: string, country: string, residency: Residency) =>
  demoStep(organisationAggregate, organisationStream(code), `presence of ${code} in ${country}`, {
    type: 'EstablishCountryPresence',
    data: { country, residency },
  });
