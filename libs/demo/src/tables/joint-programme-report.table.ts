import {
  activityAggregate,
  cooperationFrameworkAggregate,
  frameworkResultId,
  jointProgrammeAggregate,
  type CooperationFrameworkCommand,
  type Indicator,
  type JointProgrammeCommand,
} from '@concord/programming';
import { Decimal } from 'decimal.js';
import { DEMO_FILES } from '../demo-data';
import { demoStep, demoStreamId, type DemoRecord, type DemoTable } from '../demo-plan';
import { apportion } from './funding.table';
import { jointProgrammePartStream } from './joint-programme-parts';

/**
 * The Cambodia joint programme (JP-KHM) carried through to its final progress report, so the
 * report (jointProgrammeReport, /exports/joint-programmes/JP-KHM/report.pdf?period=2022) has
 * something to show: doc 000 Box 3 (l.580–601) gives its goal, its targets, what it reached and
 * its lessons; the shares, budgets, expenditure, the framework it links to and who wrote what are
 * inferred, and said so.
 */

const JP = 'JP-KHM';
const COUNTRY = 'KHM';
const PERIOD = '2022';
/** The Joint SDG Fund's portfolio period (doc 000 l.1694), which the programme's parts already run over. */
const PROGRAMME_PERIOD = { startDate: '2020-01-01', endDate: '2022-12-31' };
const PORTFOLIO_YEARS = 3;

/** Budget shares (percent) and the share of its 2022 budget line each agency spent: none is stated. */
const AGENCIES = [
  { organisation: 'ILO', role: 'LEAD' as const, share: 40, spent: '0.92' },
  { organisation: 'UNICEF', role: 'PARTICIPATING' as const, share: 35, spent: '0.88' },
  { organisation: 'WHO', role: 'PARTICIPATING' as const, share: 25, spent: '0.81' },
];

const FRAMEWORK = {
  code: 'KHM-UNDAF-2019-2023',
  title: 'United Nations Development Assistance Framework, Cambodia 2019–2023',
  countries: [COUNTRY],
  startDate: '2019-01-01',
  endDate: '2023-12-31',
};
const PRIORITY = { code: '1', title: 'People: social protection' };
const OUTCOME = {
  code: '1.1',
  // The goal Box 3 gives the national framework and the programme (l.582).
  title:
    'More people are covered by a more effective, efficient, accountable, equitable, sustainable, and child- and gender-sensitive social protection system',
  sdgTargets: ['1.3'],
};
const OUTPUTS: { code: string; title: string; indicators: Indicator[] }[] = [
  {
    code: '1.1.1',
    title: 'New pension schemes with digitalized services: online registration, e-payments and M&E',
    indicators: [
      {
        code: 'KHM-SP-1',
        name: 'People covered by the new pension schemes',
        unit: 'people',
        baseline: '0',
        target: '1500000',
      },
    ],
  },
  {
    code: '1.1.2',
    title: 'The family package of integrated social assistance programmes rolled out through a digitalized system',
    indicators: [
      {
        code: 'KHM-SP-2',
        name: 'Pregnant women and children aged 0–2 benefiting from the new cash transfer',
        unit: 'people',
        baseline: '0',
        target: '200000',
      },
      {
        code: 'KHM-SP-3',
        name: 'Provincial, district and commune-level officers trained in its delivery',
        unit: 'officers',
        baseline: '0',
        target: '8000',
      },
    ],
  },
  {
    code: '1.1.3',
    title: 'The COVID-19 Cash Transfer Programme for IDPoor households, June 2020 to September 2022',
    indicators: [
      {
        code: 'KHM-SP-4',
        name: 'Households with IDPoor cards receiving the COVID-19 cash transfer',
        unit: 'households',
        baseline: '0',
        target: '560000',
      },
    ],
  },
];

/** Box 3 in the agencies' words: what each did, as far as the document lets one tell. */
const NARRATIVES: Record<string, string> = {
  ILO:
    'The ILO led the programme with the General Secretariat of the National Social Protection Council, its focal ' +
    'point, in support of the nationwide rollout of the National Social Protection Policy Framework. Its technical ' +
    'assistance went to the new pension schemes, which are to cover approximately 1.5 million people with ' +
    'digitalized services: online registration, e-payments and more efficient monitoring and evaluation.\n\n' +
    'Lesson learnt: the common agenda of the participating agencies is not automatically shared by government ' +
    'stakeholders; more advocacy at the highest level of government, which the resident coordinator office can ' +
    'lead, would have helped.\n\nSource: doc 000 Box 3 (l.582–601). Inferred: that the pension work was the ' +
    "ILO's part, and that this was reported for 2022.",
  UNICEF:
    'UNICEF supported the family package of integrated social assistance programmes: a new cash transfer that will ' +
    'benefit 200,000 pregnant women and children aged 0–2, with around 8,000 provincial, district and ' +
    'commune-level officers to be trained in its digitalized delivery (enrolment, payments and M&E). The programme ' +
    'also contributed to the COVID-19 Cash Transfer Programme (June 2020 to September 2022), which reached at ' +
    'least 560,000 households with IDPoor cards, approximately 2.4 million people.\n\nSource: doc 000 Box 3 ' +
    "(l.596–597). Inferred: that this was UNICEF's part, and that this was reported for 2022.",
  WHO:
    'WHO contributed, with the ILO and UNDESA, to the modernization of the National Social Security Fund.\n\n' +
    'Source: doc 000 l.1018. Inferred: that this was done as part of the programme, and reported for 2022.',
};

const frameworkStream = { kind: 'cooperation-framework', key: FRAMEWORK.code };
const programmeStream = { kind: 'joint-programme', key: JP };

function frameworkRecord(): DemoRecord {
  const step = (what: string, command: CooperationFrameworkCommand) =>
    demoStep(cooperationFrameworkAggregate, frameworkStream, what, command);
  const results = [OUTCOME, ...OUTPUTS];
  return {
    label: `${JP}: the results it links to (${FRAMEWORK.code})`,
    steps: [
      step('create', { type: 'CreateCooperationFramework', data: FRAMEWORK }),
      step('priority', { type: 'AddStrategicPriority', data: PRIORITY }),
      step('outcome', { type: 'AddOutcome', data: { priorityCode: PRIORITY.code, ...OUTCOME } }),
      ...OUTPUTS.map(({ code, title }) =>
        step(`output ${code}`, { type: 'AddOutput', data: { outcomeCode: OUTCOME.code, code, title } }),
      ),
      ...OUTPUTS.flatMap(({ code, indicators }) =>
        indicators.map((indicator) =>
          step(`indicator ${indicator.code}`, { type: 'DefineIndicator', data: { resultCode: code, indicator } }),
        ),
      ),
      step('activate', { type: 'ActivateCooperationFramework', data: {} }),
      step('close', { type: 'CloseCooperationFramework', data: {} }),
    ],
    inferred: [
      `Cambodia's UNDAF 2019–2023 (general knowledge: the documents speak of UNDAFs, not of this one), closed as its period has ended; only the ${results.length} results ${JP} links to are loaded`,
      `priority "${PRIORITY.title}" invented to hold them; the outcome is the goal doc 000 l.582 gives the programme, the outputs and indicators its results (l.586–597)`,
      'baselines 0: the schemes and the cash transfers were new; the 560,000 households of the COVID-19 cash transfer are what it reached (l.597), taken as its target',
    ],
    leftOut: [],
  };
}

/**
 * The programme from concept to its final report: shares and a period, submitted, approved,
 * activated, linked to the framework's results; a 2022 budget line on each agency's part (its
 * share of a third of the Fund's award); the 2022 report; operationally closed.
 */
function reportRecord(award: Decimal): DemoRecord {
  const step = (what: string, command: JointProgrammeCommand) =>
    demoStep(jointProgrammeAggregate, programmeStream, what, command);
  const frameworkId = demoStreamId(frameworkStream);
  const perAgency = apportion(
    award,
    AGENCIES.map((a) => a.share),
  ).map((total) => apportion(total, Array<number>(PORTFOLIO_YEARS).fill(1))[PORTFOLIO_YEARS - 1]);
  const lines = AGENCIES.map((agency, i) => {
    const budget = perAgency[i];
    return { ...agency, budget, expenditure: budget.times(agency.spent).toDecimalPlaces(2) };
  });
  const link = (code: string, kind: 'OUTCOME' | 'OUTPUT') => ({
    id: frameworkResultId(frameworkId, code),
    kind,
    frameworkCode: FRAMEWORK.code,
    code,
    countries: FRAMEWORK.countries,
  });
  return {
    label: `${JP}: progress report ${PERIOD}`,
    steps: [
      step('shares and period', {
        type: 'ReviseJointProgramme',
        data: {
          participants: AGENCIES.map(({ organisation, role, share }) => ({
            organisation,
            role,
            budgetShare: String(share),
          })),
          ...PROGRAMME_PERIOD,
          sdgTargets: ['1.3', '3.8'],
          genderMarker: 1,
        },
      }),
      step('submit', { type: 'SubmitJointProgramme', data: {} }),
      step('approve', { type: 'ApproveJointProgramme', data: {} }),
      step('activate', { type: 'ActivateJointProgramme', data: {} }),
      step('link results', {
        type: 'LinkFrameworkResults',
        data: { results: [link(OUTCOME.code, 'OUTCOME'), ...OUTPUTS.map((o) => link(o.code, 'OUTPUT'))] },
      }),
      ...lines.map(({ organisation, budget, expenditure }) =>
        demoStep(activityAggregate, jointProgrammePartStream(JP, organisation, COUNTRY), `budget ${PERIOD}`, {
          type: 'RecordBudget',
          data: {
            year: Number(PERIOD),
            currency: 'USD',
            required: budget.toFixed(2),
            available: budget.toFixed(2),
            spent: expenditure.toFixed(2),
          },
        }),
      ),
      step(`report ${PERIOD}`, {
        type: 'RecordProgressReport',
        data: {
          period: PERIOD,
          indicatorActuals: [{ indicatorCode: 'KHM-SP-4', actual: '560000' }],
          expenditure: lines.map(({ organisation, expenditure }) => ({
            organisation,
            currency: 'USD',
            amount: expenditure.toFixed(2),
          })),
          narratives: AGENCIES.map(({ organisation }) => ({ organisation, text: NARRATIVES[organisation] })),
        },
      }),
      step('close operationally', { type: 'CloseJointProgrammeOperationally', data: {} }),
    ],
    inferred: [
      `budget shares ${AGENCIES.map((a) => `${a.organisation} ${a.share} %`).join(', ')}: the document gives none, which submission requires`,
      `period ${PROGRAMME_PERIOD.startDate} to ${PROGRAMME_PERIOD.endDate}: the Joint SDG Fund portfolio's (doc 000 l.1694); the row says "JP period not stated"`,
      'SDG targets 1.3 (social protection systems, the programme\'s focus) and 3.8 (health coverage, for WHO\'s part); gender marker 1 for a "child- and gender-sensitive" system',
      'submitted, approved, activated, and operationally closed after its 2022 report: the document reports results, so the programme ran; no dates are given',
      `2022 budget lines: each agency's share of a third of the Fund's award of ${award.toFixed(0)} USD; expenditure ${AGENCIES.map((a) => `${a.organisation} ${new Decimal(a.spent).times(100).toFixed(0)} %`).join(', ')} of it: the documents give no budget or expenditure`,
      'indicator actual: the 560,000 households the COVID-19 cash transfer reached (l.597); the document gives the other results as what will be achieved, so they are not reported as actuals',
      `narratives: Box 3's text shared out among the agencies by their mandates, each saying what is inferred`,
    ],
    leftOut: [],
  };
}

/** JP-KHM's framework and final progress report; the award is the Fund's allocation to it. */
export function planJointProgrammeReport(allocation: { code: string; award: Decimal } | undefined): DemoTable {
  if (allocation?.code !== JP) {
    throw new Error(`the Joint SDG Fund's allocation goes to ${allocation?.code ?? 'no programme'}, not ${JP}`);
  }
  return {
    name: 'joint programme report',
    source: DEMO_FILES.jointProgrammes,
    records: [frameworkRecord(), reportRecord(allocation.award)],
  };
}
