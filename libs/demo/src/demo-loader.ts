import type { CommandRunner, Provenance } from '@concord/eventing';
import { ConcordError, newId } from '@concord/kernel';
import type { DataSource } from 'typeorm';
import { DEMO_FILES, readDemoOrganisations, readDemoTable } from './demo-data';
import { PlanContext, type DemoRecord, type DemoTable } from './demo-plan';
import { OrganisationNames } from './organisation-names';
import { ABND_COLUMNS, planAssessments } from './tables/assessments.table';
import {
  COALITION_COLUMNS,
  COORDINATION_COLUMNS,
  planInteragencyCoordination,
  planRegionalCoalitions,
} from './tables/coordination-bodies.table';
import { PARTNER_COLUMNS, planFlagshipPartners } from './tables/flagship-partners.table';
import {
  CASE_COLUMNS,
  FUNDING_CALL_COLUMNS,
  jointSdgFundAllocation,
  LEDGER_COLUMNS,
  planCompetingProposals,
  planFlagshipFunding,
  planJointSdgFund,
} from './tables/funding.table';
import { planDuplicationCases } from './tables/duplication-cases.table';
import { planJointProgrammeReport } from './tables/joint-programme-report.table';
import { JOINT_PROGRAMME_COLUMNS, planJointProgrammes } from './tables/joint-programmes.table';
import { planOrganisations } from './tables/organisations.table';

/** Where the demo goes: the one write path, and the database to count its events in. */
export interface DemoTarget {
  commands: CommandRunner;
  dataSource: DataSource;
}

export interface DemoNote {
  record: string;
  text: string;
}

/** What loading one table did, record by record. */
export interface TableSummary {
  name: string;
  source: string;
  /** Records that appended at least one event. */
  created: number;
  /** Records whose every command had been run before (or, for presences, by an earlier table). */
  alreadyThere: number;
  /** Records of which nothing could be loaded, with why. */
  skipped: DemoNote[];
  /** Later commands of a loaded record that were refused, with why. */
  refused: DemoNote[];
  inferred: DemoNote[];
  leftOut: DemoNote[];
  /** Events this load appended for the table. */
  events: number;
}

export interface DemoSummary {
  tables: TableSummary[];
  /** Events this load appended. */
  events: number;
  /** Events in the store after the load, the demo's and any others. */
  eventsInStore: number;
}

/**
 * The demo, table by table in the order they depend on each other: organisations first (every
 * other table names them), then what they do. Presences are planned once, by the first table
 * that places an organisation in a country.
 */
export function planDemo(): DemoTable[] {
  const { ctx, organisations } = planContext();
  const jointProgrammes = readDemoTable(DEMO_FILES.jointProgrammes, JOINT_PROGRAMME_COLUMNS);
  const coordination = readDemoTable(DEMO_FILES.coordination, COORDINATION_COLUMNS);
  const fragmentation = readDemoTable(DEMO_FILES.fragmentation, CASE_COLUMNS);
  const fundingCalls = readDemoTable(DEMO_FILES.fundingCalls, FUNDING_CALL_COLUMNS);
  return [
    planOrganisations(ctx, organisations),
    planFlagshipPartners(ctx, readDemoTable(DEMO_FILES.partners, PARTNER_COLUMNS)),
    planJointProgrammes(ctx, jointProgrammes),
    planInteragencyCoordination(ctx, coordination),
    planRegionalCoalitions(ctx, readDemoTable(DEMO_FILES.coalitions, COALITION_COLUMNS)),
    planAssessments(ctx, readDemoTable(DEMO_FILES.abnd, ABND_COLUMNS)),
    // Funding last: its proposals and allocations name the joint programmes and organisations above.
    planJointSdgFund(ctx, fundingCalls, jointProgrammes),
    planFlagshipFunding(ctx, readDemoTable(DEMO_FILES.flagshipLedger, LEDGER_COLUMNS)),
    planCompetingProposals(ctx, fragmentation),
    planDuplicationCases(ctx, fragmentation, coordination),
    // JP-KHM through to its progress report, spending the Fund's allocation to it.
    planJointProgrammeReport(jointSdgFundAllocation(ctx, fundingCalls, jointProgrammes)),
  ];
}

/** The organisations alone: what synthetic data needs before it can name them. */
export function planDemoOrganisations(): DemoTable {
  const { ctx, organisations } = planContext();
  return planOrganisations(ctx, organisations);
}

function planContext() {
  const organisations = readDemoOrganisations();
  const names = new OrganisationNames(organisations);
  return { ctx: new PlanContext(new Map(organisations.map((org) => [org.code, org])), names), organisations };
}

/** Runs the tables' commands as the system actor; `onTable` hears of each table as it is done. */
export async function loadDemo(
  target: DemoTarget,
  onTable: (summary: TableSummary) => void = () => undefined,
  tables: DemoTable[] = planDemo(),
): Promise<DemoSummary> {
  const correlationId = newId(); // one per load, so the audit trail groups its events
  const summaries: TableSummary[] = [];
  for (const table of tables) {
    const summary = await loadTable(target.commands, table, correlationId);
    summaries.push(summary);
    onTable(summary);
  }
  return {
    tables: summaries,
    events: summaries.reduce((sum, t) => sum + t.events, 0),
    eventsInStore: await countEvents(target.dataSource),
  };
}

export async function countEvents(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
  return row.n;
}

async function loadTable(runner: CommandRunner, table: DemoTable, correlationId: string): Promise<TableSummary> {
  const summary: TableSummary = {
    name: table.name,
    source: table.source,
    created: 0,
    alreadyThere: 0,
    skipped: [],
    refused: [],
    inferred: [],
    leftOut: [],
    events: 0,
  };
  for (const record of table.records) {
    const note = (text: string) => ({ record: record.label, text });
    const outcome = record.skipped
      ? { events: 0, skipped: record.skipped, refused: [] }
      : await runRecord(runner, record, correlationId, {
          source: `${table.source}, row ${record.label}`,
          inferred: record.inferred,
        });
    summary.events += outcome.events;
    summary.refused.push(...outcome.refused.map(note));
    if (outcome.skipped !== undefined) {
      summary.skipped.push(note(outcome.skipped));
      continue;
    }
    if (outcome.events > 0) summary.created++;
    else summary.alreadyThere++;
    summary.inferred.push(...record.inferred.map(note));
    summary.leftOut.push(...record.leftOut.map((part) => note(`"${part}"`)));
  }
  return summary;
}

interface RecordOutcome {
  events: number;
  /** Why the record's first command, the one that creates it, was refused. */
  skipped?: string;
  refused: string[];
}

/**
 * The record's commands in order. A refused first command skips the record (there is nothing to
 * add to); a later refusal is reported and the rest still run. Anything but a ConcordError is a
 * broken database or bug, and stops the load.
 */
async function runRecord(
  runner: CommandRunner,
  record: DemoRecord,
  correlationId: string,
  provenance: Provenance,
): Promise<RecordOutcome> {
  const outcome: RecordOutcome = { events: 0, refused: [] };
  for (const [i, step] of record.steps.entries()) {
    try {
      const result = await step.run(runner, correlationId, provenance);
      if (!result.replayed) outcome.events += result.eventIds.length;
    } catch (error) {
      if (!(error instanceof ConcordError)) throw error;
      if (i === 0) return { ...outcome, skipped: `${step.what}: ${error.message}` };
      outcome.refused.push(`${step.what}: ${error.message}`);
    }
  }
  return outcome;
}
