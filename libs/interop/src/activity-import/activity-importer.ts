import { directoryContext } from '@concord/directory';
import { EventRegistry, EventStore, type CommandMeta } from '@concord/eventing';
import { ConcordError, fold, newId, systemActor } from '@concord/kernel';
import {
  activityAggregate,
  EXTERNAL_ID_SCOPE,
  programmingContext,
  type ActivityCommand,
  type ActivityEvent,
  type ExternalId,
} from '@concord/programming';
import type { DataSource } from 'typeorm';
import { registration, revision, type ActivityState } from './activity-commands';
import {
  activityIdFor,
  activityLineOf,
  externalIdOf,
  recordIdOf,
  unknownFieldsOf,
  type ActivityLine,
} from './activity-line';
import { contextHandlers } from './context-handlers';
import { DryRunEventStore } from './dry-run-store';
import type { SourceRecord } from './import-file';
import { isLineError, problemOf, type LineProblem } from './line-problem';
import { importId } from './import-ids';

/**
 * Lines imported at once: enough to overlap round trips and share commits (on Postgres 8 import
 * the development set 1.5× faster than 4), few enough to stay gentle on a shared database.
 */
const IN_FLIGHT = 8;
/** The unique-key scope organisation codes are reserved under (organisationAggregate.uniqueKeys). */
const ORGANISATION_CODE_SCOPE = 'organisation.code';
/** IATI OrganisationType "Other": a code alone does not say what kind of organisation it is. */
const UNKNOWN_ORGANISATION_TYPE = '90';

export type LineOutcome = 'registered' | 'revised' | 'unchanged' | 'failed';

export interface LineResult {
  line: number;
  outcome: LineOutcome;
  /** The activity's stream id, for lines that were stored or found unchanged. */
  activityId?: string;
}

export interface ImportOptions {
  /** Runs every line through the handlers but stores nothing. */
  dryRun?: boolean;
  /**
   * Publishes each imported activity (`PublishActivity` after its registration or revision), for
   * data that is public by nature, such as IATI's. Left out, publication is left as it is.
   */
  publish?: boolean;
  /** Called as each line is done, in completion order (progress bars). */
  onLine?: (result: LineResult) => void;
}

export interface ImportSummary {
  /** Records read: every line but blank ones (and the CSV header). */
  lines: number;
  registered: number;
  revised: number;
  unchanged: number;
  failed: number;
  /** Activities this import published (`ActivityPublished` appended); with `publish` only. */
  published: number;
  warnings: number;
  /** Codes of the organisations the import registered, sorted. */
  organisationsCreated: string[];
  /** Every refused line and every warning, by line. */
  problems: LineProblem[];
  elapsedMs: number;
  dryRun: boolean;
}

/**
 * Imports FORMAT.md activity records as commands through the activity and organisation command
 * handlers, as the system actor. A record whose external id the store knows revises that
 * activity (no event when nothing changed); any other registers one under a name-based id. A
 * refused line is reported and the others go on; an unexpected error (the database gone) stops
 * the import and is thrown.
 */
export function importActivities(
  db: DataSource,
  records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return new ActivityImporter(db, options).run(records);
}

/** Errors without a field (a lifecycle refusal) are pinned on the field that caused them. */
function pinned(error: ConcordError, line: ActivityLine): ConcordError {
  if (error.fields.length || error.code !== 'INVALID_TRANSITION') return error;
  return new ConcordError(error.kind, error.code, error.message, [
    { path: 'status', value: line.status, message: error.message },
  ]);
}

class ActivityImporter {
  private readonly store: EventStore;
  private readonly handlers: ReturnType<typeof contextHandlers>;
  private readonly meta: CommandMeta;
  private readonly counts: Record<LineOutcome, number> = { registered: 0, revised: 0, unchanged: 0, failed: 0 };
  private published = 0;
  private readonly problems: LineProblem[] = [];
  private readonly organisationsCreated: string[] = [];
  /** One registration (or lookup) per organisation code, shared by the lines that need it. */
  private readonly organisations = new Map<string, Promise<void>>();
  private readonly jointProgrammes = new Map<string, Promise<string | null>>();
  /** The last task of each external id: lines of one activity run in file order. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped?: { error: unknown };

  constructor(
    private readonly db: DataSource,
    private readonly options: ImportOptions,
  ) {
    const registry = new EventRegistry([...directoryContext.streams, ...programmingContext.streams]);
    this.store = options.dryRun ? new DryRunEventStore(db, registry) : new EventStore(db, registry);
    this.handlers = contextHandlers(this.store, db);
    // One correlation id for the whole import: its events can be found together in the audit trail.
    this.meta = { actor: systemActor, correlationId: newId() };
  }

  async run(records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>): Promise<ImportSummary> {
    const started = Date.now();
    try {
      for await (const source of records) {
        if (this.stopped) break;
        if ('problem' in source) this.readerProblem(source.problem);
        else await this.schedule(source.line, source.record);
      }
    } finally {
      // Also when the file fails to read: no line is left running against a database about to close.
      await Promise.all(this.inFlight);
    }
    if (this.stopped) throw this.stopped.error;
    return {
      lines: Object.values(this.counts).reduce((a, b) => a + b, 0),
      ...this.counts,
      published: this.published,
      warnings: this.problems.filter((p) => p.severity === 'warning').length,
      organisationsCreated: [...this.organisationsCreated].sort(),
      problems: [...this.problems].sort((a, b) => a.line - b.line),
      elapsedMs: Date.now() - started,
      dryRun: !!this.options.dryRun,
    };
  }

  private readerProblem(problem: LineProblem): void {
    this.problems.push(problem);
    if (problem.severity === 'error') this.finish(problem.line, 'failed');
  }

  /** Checks the record's shape at once, then waits for a free slot and for earlier lines of its activity. */
  private async schedule(line: number, record: unknown): Promise<void> {
    let activity: ActivityLine;
    try {
      activity = activityLineOf(record);
    } catch (error) {
      if (!isLineError(error)) throw error;
      return this.refuse(line, recordIdOf(record), error);
    }
    this.warnUnknownFields(line, record);
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
    const externalId = externalIdOf(activity);
    const key = `${externalId.system}:${externalId.id}`;
    const task = (this.tails.get(key) ?? Promise.resolve())
      .then(() => this.importLine(line, activity, externalId))
      .catch((error: unknown) => {
        this.stopped ??= { error };
      });
    this.tails.set(key, task);
    this.inFlight.add(task);
    void task.then(() => {
      this.inFlight.delete(task);
      if (this.tails.get(key) === task) this.tails.delete(key);
    });
  }

  private async importLine(line: number, activity: ActivityLine, externalId: ExternalId): Promise<void> {
    try {
      const jointProgrammeId = await this.jointProgrammeIdOf(line, activity);
      const existing = await this.streamOf(externalId);
      const activityId = existing ?? activityIdFor(externalId);
      const state = existing ? await this.stateOf(existing) : activityAggregate.decider.initialState;
      const command = existing
        ? revision(activity, jointProgrammeId, state)
        : registration(activity, externalId, jointProgrammeId);
      const { eventIds } = await this.handlers.activities.execute({ activityId, command, meta: this.meta });
      if (this.options.publish) await this.publish(line, activity, activityId, state, command);
      // After the activity, so that a refused line leaves no organisation behind.
      await this.ensureOrganisations([activity.organisation, ...activity.partners.map((p) => p.organisation)]);
      this.finish(line, existing ? (eventIds.length ? 'revised' : 'unchanged') : 'registered', activityId);
    } catch (error) {
      if (!isLineError(error)) throw error;
      this.refuse(line, activity.id, pinned(error, activity));
    }
  }

  /**
   * `--publish`: PublishActivity through the handler, after the line's own command, so a published
   * activity appends nothing (a re-import). A cancelled activity cannot be published: the line
   * stays imported, with a NOT_PUBLISHED warning. A dry run stored nothing of the line, so there
   * the decider is asked directly, on the state the line's command leads to.
   */
  private async publish(
    line: number,
    activity: ActivityLine,
    activityId: string,
    before: ActivityState,
    command: ActivityCommand,
  ): Promise<void> {
    const publish: ActivityCommand = { type: 'PublishActivity', data: {} };
    try {
      if (this.options.dryRun) {
        const { decider } = activityAggregate;
        const context = { actor: this.meta.actor, now: new Date() };
        const after = decider.decide(command, before, context).reduce(decider.evolve, before);
        if (decider.decide(publish, after, context).length) this.published++;
        return;
      }
      const { eventIds } = await this.handlers.activities.execute({ activityId, command: publish, meta: this.meta });
      if (eventIds.length) this.published++;
    } catch (error) {
      if (!(error instanceof ConcordError && error.code === 'INVALID_TRANSITION')) throw error;
      this.problems.push({
        line,
        id: activity.id,
        severity: 'warning',
        code: 'NOT_PUBLISHED',
        message: `${error.message}: imported, not published`,
        fields: [{ field: 'status', value: activity.status, reason: error.message }],
      });
    }
  }

  private finish(line: number, outcome: LineOutcome, activityId?: string): void {
    this.counts[outcome]++;
    this.options.onLine?.({ line, outcome, activityId });
  }

  private refuse(line: number, id: string | undefined, error: ConcordError): void {
    this.problems.push(problemOf(line, id, error));
    this.finish(line, 'failed');
  }

  private warnUnknownFields(line: number, record: unknown): void {
    const unknown = unknownFieldsOf(record);
    if (!unknown.length) return;
    const reason = 'is not a field of the activity format; ignored';
    this.problems.push({
      line,
      id: recordIdOf(record),
      severity: 'warning',
      code: 'UNKNOWN_FIELD',
      message: `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ignored`,
      fields: unknown.map((field) => ({ field, reason })),
    });
  }

  /**
   * The id of the programme the line's JP code names, from the joint programmes' read model (the
   * handler reads the programme's period from the same table). An unknown code is a warning, not
   * a refusal: the activity goes in without the link, which a later import or a JP manager adds.
   */
  private async jointProgrammeIdOf(line: number, activity: ActivityLine): Promise<string | null> {
    const code = activity.jointProgramme;
    if (!code) return null;
    let lookup = this.jointProgrammes.get(code);
    if (!lookup) {
      lookup = this.db
        .query(`SELECT id FROM programming_joint_programmes WHERE code = $1`, [code])
        .then(([row]: { id: string }[]) => row?.id ?? null);
      this.jointProgrammes.set(code, lookup);
    }
    const id = await lookup;
    if (id === null) {
      const reason = 'no joint programme has this code; the activity is imported without the link';
      this.problems.push({
        line,
        id: activity.id,
        severity: 'warning',
        code: 'JOINT_PROGRAMME_NOT_FOUND',
        message: `No joint programme ${code}: imported without the link`,
        fields: [{ field: 'jointProgramme', value: code, reason }],
      });
    }
    return id;
  }

  /** The stream that holds the external id, from the reservation its registration made. */
  private async streamOf({ system, id }: ExternalId): Promise<string | undefined> {
    const [row] = await this.db.query(`SELECT stream_id FROM unique_keys WHERE scope = $1 AND key = $2`, [
      EXTERNAL_ID_SCOPE,
      `${system}:${id}`,
    ]);
    return row?.stream_id;
  }

  private async stateOf(activityId: string): Promise<ActivityState> {
    const history = await this.store.readStream(activityId);
    return fold(
      activityAggregate.decider,
      history.map((e) => ({ type: e.type, data: e.data }) as ActivityEvent),
    );
  }

  private async ensureOrganisations(codes: string[]): Promise<void> {
    await Promise.all(
      [...new Set(codes)].map((code) => {
        let ensured = this.organisations.get(code);
        if (!ensured) {
          ensured = this.ensureOrganisation(code);
          this.organisations.set(code, ensured);
          // A failed registration is tried again by the next line that names the code.
          void ensured.catch(() => this.organisations.delete(code));
        }
        return ensured;
      }),
    );
  }

  /** FORMAT.md: an unknown organisation code is registered as a new organisation, named by its code. */
  private async ensureOrganisation(code: string): Promise<void> {
    const [known] = await this.db.query(`SELECT 1 FROM unique_keys WHERE scope = $1 AND key = $2`, [
      ORGANISATION_CODE_SCOPE,
      code,
    ]);
    if (known) return;
    try {
      await this.handlers.organisations.execute({
        organisationId: importId('organisation', code),
        command: { type: 'RegisterOrganisation', data: { code, name: code, type: UNKNOWN_ORGANISATION_TYPE } },
        meta: this.meta,
      });
      this.organisationsCreated.push(code);
    } catch (error) {
      // Registered meanwhile by another writer: the organisation exists, which is all we need.
      if (!(error instanceof ConcordError && error.code === 'UNIQUE_KEY_TAKEN')) throw error;
    }
  }
}
