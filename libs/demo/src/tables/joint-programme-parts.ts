import { activityAggregate, type Participant } from '@concord/programming';
import { demoStep, demoStreamId, type DemoStep } from '../demo-plan';
import { functionsIn, guaranteesIn, stagesIn } from '../keywords';

/** Document 000, l.1694: "Social protection – LNOB JPs (2020–22)", the Joint SDG Fund's first-call portfolio. */
const JOINT_SDG_FUND_PORTFOLIO = { start: '2020-01-01', end: '2022-12-31' };
/** A response dated only "COVID-19": from WHO's pandemic declaration to the end of the emergency (general knowledge). */
const COVID_19_RESPONSE = { start: '2020-03-11', end: '2023-05-05' };

/** The parts' period, and how it was found when the programme states none. */
function partsPeriod(jp: ProgrammeForParts): { start: string; end: string; why?: string } | undefined {
  if (jp.period) return jp.period;
  if (jp.fundingSources.includes('Joint SDG Fund')) {
    return { ...JOINT_SDG_FUND_PORTFOLIO, why: 'the Joint SDG Fund portfolio period 2020–2022 (doc 000 l.1694)' };
  }
  if (/^covid-19$/i.test(jp.periodText.trim())) {
    return {
      ...COVID_19_RESPONSE,
      why: 'the COVID-19 emergency, 2020-03-11 to 2023-05-05, for a period given as "COVID-19"',
    };
  }
  return undefined;
}

/** The stream of an agency's part of a programme in a country. */
export const jointProgrammePartStream = (code: string, organisation: string, country: string) => ({
  kind: 'activity',
  key: `jp-part:${code}:${organisation}:${country}`,
});

export interface ProgrammeForParts {
  code: string;
  title: string;
  countries: string[];
  participants: Participant[];
  counterparts: string[];
  fundingSources: string[];
  policyAreas: string[];
  targetGroups: string[];
  period?: { start: string; end: string };
  /** The row's period as written, e.g. "COVID-19". */
  periodText: string;
  /** The row's running text on what the programme does and for whom. */
  focus: string;
  targetGroupText: string;
}

/**
 * Each agency's part of a joint programme, in each of its countries, as an activity linked to it
 * (UN INFO records a JP's work as the agencies' sub-outputs): who does what in the programme, for
 * the who-does-what views. Guarantees, stages and functions are read from the focus and target
 * groups by keyword, and said to be inferred. A programme with no period of its own gets the Joint
 * SDG Fund portfolio's when the Fund funds it, or the pandemic's when it is dated "COVID-19";
 * otherwise its parts are left out: an activity has dates.
 */
export function partsOf(
  jp: ProgrammeForParts,
  today: string,
): { steps: DemoStep[]; inferred: string[]; leftOut: string[] } {
  const period = partsPeriod(jp);
  if (!period || !jp.participants.length) {
    return { steps: [], inferred: [], leftOut: jp.participants.length ? ["the agencies' parts: no period"] : [] };
  }
  const text = `${jp.focus}; ${jp.targetGroupText}`;
  const guarantees = guaranteesIn(text);
  const stages = stagesIn(jp.focus);
  const functions = functionsIn(jp.focus);
  const inferred = [
    `each agency's part registered as an activity of the programme${period.why ? `, over ${period.why}: the row gives no dates` : ''}`,
    ...(guarantees.length ? [`guarantees ${guarantees.join(', ')} read from the focus and target groups`] : []),
    ...(stages.length ? [`stages ${stages.join(', ')} read from the focus`] : []),
    functions.length
      ? `functions ${functions.join(', ')} read from the focus`
      : 'function COORDINATION: the focus names none',
  ];
  const steps = jp.countries.flatMap((country) =>
    jp.participants.flatMap(({ organisation }) => {
      const stream = jointProgrammePartStream(jp.code, organisation, country);
      return [
        demoStep(activityAggregate, stream, 'register', {
          type: 'RegisterActivity',
          data: {
            titles: { en: `${organisation}'s part in ${jp.title}` },
            descriptions: {
              en: `${organisation}'s part in the joint programme ${jp.code} (${jp.title}). Focus: ${jp.focus}. Inferred: ${inferred.join('; ')}.`,
            },
            organisation,
            country,
            policyAreas: jp.policyAreas,
            targetGroups: jp.targetGroups,
            guarantees,
            stages,
            functions: functions.length ? functions : ['COORDINATION'],
            counterparts: jp.counterparts,
            fundingSources: jp.fundingSources,
            start: period.start,
            end: period.end,
            status: period.end < today ? 'CLOSED' : 'IMPLEMENTATION',
            source: 'CSV',
            jointProgrammeId: demoStreamId({ kind: 'joint-programme', key: jp.code }),
            jointProgrammePeriod: jp.period ?? {},
            externalIds: [
              { system: 'CONCORD_DEMO', id: `seed000_jps_mentioned:${jp.code}:${organisation}:${country}` },
            ],
          },
        }),
        // Document 000 is a public report: the parts it names are public (ADR 0007).
        demoStep(activityAggregate, stream, 'publish', { type: 'PublishActivity', data: {} }),
      ];
    }),
  );
  return { steps, inferred, leftOut: [] };
}
