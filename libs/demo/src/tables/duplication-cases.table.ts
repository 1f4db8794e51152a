import { coordinationBodyAggregate } from '@concord/directory';
import { activityAggregate, type ActivityDetailsInput } from '@concord/programming';
import type { CsvRecord } from '../csv';
import { DEMO_FILES } from '../demo-data';
import { demoStep, demoStreamId, skippedRecord, type DemoStep, type DemoTable, type PlanContext } from '../demo-plan';

type CaseActivity = Pick<
  ActivityDetailsInput,
  'organisation' | 'functions' | 'guarantees' | 'policyAreas' | 'targetGroups' | 'counterparts' | 'start' | 'end'
> & { title: string; description: string };

/** How a case of document 004 is put into the demo, and what the detector must make of it. */
export interface DuplicationCase {
  /**
   * The row it stands for: a case_id of seed004_duplication_fragmentation_cases.csv, or
   * `<country_or_region>: <mechanism>` of seed004_interagency_coordination.csv.
   */
  caseId: string;
  /** Where the demo places it (ISO3): the row names a country or a group of countries. */
  country: string;
  activities: [CaseActivity, CaseActivity];
  /** A division of labour recorded between the two leads in a body of the country. */
  divisionOfLabour?: { body: string; topic: string; members: string[] };
  /** The joint programme both activities belong to (seed000_jps_mentioned.csv id) and its known start. */
  jointProgramme?: { id: string; start: string };
  /** What the case says: the D cases are duplication to flag, the P cases coordination to leave alone. */
  expected: 'FLAGGED' | 'NOT_FLAGGED';
}

const SOLIDARITY = 'Ministry of Solidarity, Humanitarian Action and National Reconciliation';
const GENDER_MOZ = 'Ministry of Gender, Children and Social Action';
const GENDER_MWI = 'Ministry of Gender, Community Development and Social Welfare';

/**
 * The cases the detector is shown on (ARCHITECTURE §7). Their activities are invented from what
 * the rows say (and marked so); the rows only give actors, places and what went right or wrong.
 */
export const DUPLICATION_CASES: readonly DuplicationCase[] = [
  {
    // "both interested in SP, no single coordinated agenda, separate diagnosis for each SP project"
    caseId: 'D1',
    country: 'BFA',
    activities: [
      {
        organisation: 'WORLD_BANK',
        title: 'Social protection diagnostic for Burkina Faso',
        description:
          'Diagnosis of social safety nets, their coverage gaps and financing, to prepare a social protection project with the Ministry of Solidarity.',
        functions: ['ASSESSMENT', 'POLICY_ADVICE'],
        guarantees: ['WORKING_AGE', 'CHILDREN'],
        policyAreas: ['LNOB_INCLUSION', 'DELIVERY_SYSTEMS'],
        targetGroups: ['POOR_VULNERABLE'],
        counterparts: [SOLIDARITY],
        start: '2022-01-01',
        end: '2023-06-30',
      },
      {
        organisation: 'ILO',
        title: 'Assessment of the social protection system of Burkina Faso',
        description:
          'Diagnosis of social protection coverage gaps and options to extend coverage, to prepare the ILO social protection project with the Ministry of Solidarity.',
        functions: ['ASSESSMENT'],
        guarantees: ['WORKING_AGE', 'CHILDREN'],
        policyAreas: ['LNOB_INCLUSION'],
        targetGroups: ['POOR_VULNERABLE', 'INFORMAL_WORKERS'],
        counterparts: [SOLIDARITY],
        start: '2022-04-01',
        end: '2023-12-31',
      },
    ],
    expected: 'FLAGGED',
  },
  {
    // "piloting committees convened annually for coordination between projects and to identify extension areas"
    caseId: 'P1',
    country: 'CPV',
    activities: [
      {
        organisation: 'ILO',
        title: 'Extending social protection to informal workers in Cabo Verde',
        description:
          'Support to the extension of social security coverage to informal and domestic workers and to the social pension, with the National Social Protection Institute.',
        functions: ['CAPACITY_BUILDING', 'POLICY_ADVICE'],
        guarantees: ['WORKING_AGE', 'OLDER_PERSONS'],
        policyAreas: ['INFORMAL_ECONOMY', 'LNOB_INCLUSION'],
        targetGroups: ['INFORMAL_WORKERS', 'OLDER_PERSONS'],
        counterparts: ['Ministry of Family, Inclusion and Social Development'],
        start: '2019-01-01',
        end: '2022-12-31',
      },
      {
        organisation: 'LUXEMBOURG',
        title: 'Support to social protection coverage extension in Cabo Verde',
        description:
          'Support to the social pension and to the extension of social security coverage to informal workers, with the National Social Protection Institute.',
        functions: ['CAPACITY_BUILDING', 'POLICY_ADVICE'],
        guarantees: ['WORKING_AGE', 'OLDER_PERSONS'],
        policyAreas: ['INFORMAL_ECONOMY', 'LNOB_INCLUSION'],
        targetGroups: ['INFORMAL_WORKERS', 'OLDER_PERSONS'],
        counterparts: ['Ministry of Family, Inclusion and Social Development'],
        start: '2019-07-01',
        end: '2023-06-30',
      },
    ],
    divisionOfLabour: {
      body: 'Piloting committee of the social protection projects in Cabo Verde',
      topic:
        'ILO: coverage of informal and domestic workers; Luxembourg: social pension; extension areas agreed each year',
      members: ['ILO', 'LUXEMBOURG', 'PORTUGAL'],
    },
    expected: 'NOT_FLAGGED',
  },
  {
    // "integration of project and other related work plans more realistic, enabled effective resource alignment"
    caseId: 'P3',
    country: 'MOZ',
    activities: [
      {
        organisation: 'ILO',
        title: 'Policy support to the Basic Social Subsidy Programme in Mozambique',
        description:
          'Policy advice on the cash transfers of the Basic Social Subsidy Programme (PSSB) for poor households, older persons and children, with the National Institute of Social Action.',
        functions: ['POLICY_ADVICE', 'CASH_TRANSFER'],
        guarantees: ['CHILDREN', 'OLDER_PERSONS'],
        policyAreas: ['LNOB_INCLUSION'],
        targetGroups: ['POOR_VULNERABLE', 'OLDER_PERSONS', 'CHILDREN'],
        counterparts: [GENDER_MOZ],
        start: '2021-01-01',
        end: '2023-12-31',
      },
      {
        organisation: 'WFP',
        title: 'Implementation support to Basic Social Subsidy cash transfers in Mozambique',
        description:
          'Delivery of cash transfers of the Basic Social Subsidy Programme (PSSB) to poor households, older persons and children, with the National Institute of Social Action.',
        functions: ['CASH_TRANSFER', 'SERVICE_DELIVERY'],
        guarantees: ['CHILDREN', 'OLDER_PERSONS'],
        policyAreas: ['LNOB_INCLUSION'],
        targetGroups: ['POOR_VULNERABLE', 'OLDER_PERSONS', 'CHILDREN'],
        counterparts: [GENDER_MOZ],
        start: '2021-01-01',
        end: '2023-12-31',
      },
    ],
    jointProgramme: { id: 'OTH-MOZ', start: '2011-01-01' },
    expected: 'NOT_FLAGGED',
  },
  {
    // Close consultation, but nothing the detector reads says so: flagged, and a coordinator dismisses it as complementary.
    caseId: 'Malawi: no formal Joint Programme; joint/close-consultation activities',
    country: 'MWI',
    activities: [
      {
        organisation: 'UNICEF',
        title: 'Technical support to the Social Cash Transfer Programme in Malawi',
        description:
          'Support to the targeting, payments and case management of the Social Cash Transfer Programme for ultra-poor and labour-constrained households with children.',
        functions: ['CASH_TRANSFER', 'CAPACITY_BUILDING'],
        guarantees: ['CHILDREN', 'WORKING_AGE'],
        policyAreas: ['LNOB_INCLUSION', 'SHOCK_RESPONSIVE'],
        targetGroups: ['POOR_VULNERABLE', 'CHILDREN'],
        counterparts: [GENDER_MWI],
        start: '2021-01-01',
        end: '2023-12-31',
      },
      {
        organisation: 'WFP',
        title: 'Shock-responsive top-ups through the Social Cash Transfer Programme in Malawi',
        description:
          'Emergency top-up cash transfers to Social Cash Transfer Programme households with children hit by floods and the lean season.',
        functions: ['CASH_TRANSFER'],
        guarantees: ['CHILDREN', 'WORKING_AGE'],
        policyAreas: ['SHOCK_RESPONSIVE', 'LNOB_INCLUSION'],
        targetGroups: ['POOR_VULNERABLE', 'CHILDREN'],
        counterparts: [GENDER_MWI],
        start: '2022-01-01',
        end: '2023-12-31',
      },
    ],
    expected: 'FLAGGED',
  },
];

/** The label of a case in reports and stream names: the case id, or the country of a coordination row. */
export const caseLabel = (c: DuplicationCase) => c.caseId.split(':')[0];

export const caseActivityStream = (c: DuplicationCase, organisation: string) => ({
  kind: 'activity',
  key: `duplication-case:${caseLabel(c)}:${organisation}`,
});

/**
 * The duplication and coordination cases of document 004 as activities, with the coordination
 * that makes the positive ones complementary: a division of labour in a country body (P1) or one
 * joint programme (P3). `cases` are rows of seed004_duplication_fragmentation_cases.csv,
 * `mechanisms` of seed004_interagency_coordination.csv.
 */
export function planDuplicationCases(
  ctx: PlanContext,
  cases: readonly CsvRecord[],
  mechanisms: readonly CsvRecord[],
): DemoTable {
  const quotes = new Map([
    ...cases.map(({ fields: f }): [string, string] => [
      f.case_id,
      `case ${f.case_id} of document 004 (l.${f.source_line}, ${f.country}): "${f.description}"`,
    ]),
    ...mechanisms.map(({ fields: f }): [string, string] => [
      `${f.country_or_region}: ${f.mechanism}`,
      `${f.country_or_region} in seed004_interagency_coordination.csv: "${f.mechanism}" (${f.lead_or_members})`,
    ]),
  ]);
  return {
    name: 'duplication cases',
    source: DEMO_FILES.fragmentation,
    records: DUPLICATION_CASES.map((c) => {
      const quote = quotes.get(c.caseId);
      if (!quote) return skippedRecord(caseLabel(c), 'no such case in the tables');
      const leads = c.activities.map((a) => a.organisation);
      const presences = ctx.presences([...leads, ...(c.divisionOfLabour?.members ?? [])], [c.country]);
      return {
        label: `${caseLabel(c)} ${c.country}: ${leads.join(' / ')}`,
        // The body first: its division of labour was agreed before the activities were recorded.
        steps: [...bodySteps(c), ...c.activities.flatMap((a) => activitySteps(c, a)), ...presences.steps],
        inferred: [`${quote}: the activities, their dates and codes are invented to show it`, ...presences.inferred],
        leftOut: [],
      };
    }),
  };
}

function activitySteps(c: DuplicationCase, { title, description, ...details }: CaseActivity): DemoStep[] {
  return [
    demoStep(activityAggregate, caseActivityStream(c, details.organisation), 'register', {
      type: 'RegisterActivity',
      data: {
        ...details,
        titles: { en: `${title} (inferred)` },
        descriptions: { en: description },
        country: c.country,
        status: 'CLOSED',
        source: 'CSV',
        jointProgrammeId: c.jointProgramme ? demoStreamId({ kind: 'joint-programme', key: c.jointProgramme.id }) : null,
        jointProgrammePeriod: c.jointProgramme && { start: c.jointProgramme.start },
        externalIds: [{ system: 'CONCORD_DEMO', id: `duplication-case:${caseLabel(c)}:${details.organisation}` }],
      },
    }),
  ];
}

function bodySteps(c: DuplicationCase): DemoStep[] {
  if (!c.divisionOfLabour) return [];
  const { body, topic, members } = c.divisionOfLabour;
  const stream = { kind: 'coordination-body', key: `duplication-case:${caseLabel(c)}` };
  return [
    demoStep(coordinationBodyAggregate, stream, 'establish', {
      type: 'EstablishCoordinationBody',
      data: { country: c.country, name: body, kind: 'OTHER', cadence: 'ANNUAL' },
    }),
    ...members.map((organisation) =>
      demoStep(coordinationBodyAggregate, stream, `admit ${organisation}`, {
        type: 'AdmitMember',
        data: { organisation },
      }),
    ),
    demoStep(coordinationBodyAggregate, stream, 'divide labour', {
      type: 'RecordDivisionOfLabour',
      data: { organisations: c.activities.map((a) => a.organisation), topic },
    }),
  ];
}
