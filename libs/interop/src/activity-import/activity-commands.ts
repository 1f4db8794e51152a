import type { activityAggregate, ActivityCommand, ActivityDetailsInput, ExternalId } from '@concord/programming';
import type { ActivityLine } from './activity-line';

/** An activity as its stream folds up; `status: 'none'` before it is registered. */
export type ActivityState = ReturnType<(typeof activityAggregate)['decider']['evolve']>;

type Register = Extract<ActivityCommand, { type: 'RegisterActivity' }>;
type Revise = Extract<ActivityCommand, { type: 'ReviseActivity' }>;

/** Lines without a language are English, as FORMAT.md's example is. */
const languageOf = (line: ActivityLine) => line.language ?? 'en';

/** The descriptive fields a line carries, as GraphQL's registerActivity input would give them. */
function detailsOf(line: ActivityLine): ActivityDetailsInput {
  const language = languageOf(line);
  return {
    titles: { [language]: line.title },
    descriptions: line.description ? { [language]: line.description } : {},
    language,
    organisation: line.organisation,
    partners: line.partners,
    country: line.country,
    areas: line.areas,
    policyAreas: line.policyAreas,
    guarantees: line.guarantees,
    stages: line.stages,
    functions: line.functions,
    targetGroups: line.targetGroups,
    counterparts: line.counterparts,
    start: line.start,
    end: line.end,
    fundingSources: line.fundingSources,
    sdgTargets: line.sdgTargets,
  };
}

/** The year the line's budget is booked under: FORMAT.md has one amount, for the activity's first year. */
const budgetYear = (line: ActivityLine) => Number(line.start.slice(0, 4));

/** Amounts travel as decimal strings; the decider refuses what is not a non-negative 2-decimal amount. */
const amountText = (amount: number) => String(amount);

/** An IATI identifier means the record comes from IATI; every other file import is Concord's CSV source. */
const sourceOf = (externalId: ExternalId) => (externalId.system === 'IATI' ? 'IATI' : 'CSV');

/** RegisterActivity for a line whose external id the store does not know yet. */
export function registration(line: ActivityLine, externalId: ExternalId, jointProgrammeId: string | null): Register {
  return {
    type: 'RegisterActivity',
    data: {
      ...detailsOf(line),
      status: line.status ?? null,
      budget: line.budget
        ? [{ year: budgetYear(line), currency: line.budget.currency, required: amountText(line.budget.amount) }]
        : [],
      jointProgrammeId,
      externalIds: [externalId],
      source: sourceOf(externalId),
    },
  };
}

/**
 * ReviseActivity for a line whose activity exists: the same fields as a registration, so an
 * unchanged line decides no event. What the format cannot carry is taken from the activity as it
 * stands, so a re-import never erases what was added in Concord: titles and descriptions in other
 * languages, the framework output link, the markers, and the available and spent amounts of the
 * budget line. A line without budget, status or joint programme leaves those as they are.
 */
export function revision(line: ActivityLine, jointProgrammeId: string | null, state: ActivityState): Revise {
  const current = state.status === 'none' ? undefined : state;
  const details = detailsOf(line);
  const language = languageOf(line);
  const year = budgetYear(line);
  const recorded = current?.budget.find((l) => l.year === year && l.currency === line.budget?.currency);
  return {
    type: 'ReviseActivity',
    data: {
      ...details,
      titles: { ...current?.details.titles, ...details.titles },
      descriptions: { ...current?.details.descriptions, [language]: line.description },
      frameworkOutputId: current?.details.frameworkOutputId,
      genderMarker: current?.details.genderMarker,
      humanRightsMarker: current?.details.humanRightsMarker,
      status: line.status,
      budget: line.budget && [
        {
          year,
          currency: line.budget.currency,
          required: amountText(line.budget.amount),
          available: recorded?.available,
          spent: recorded?.spent,
        },
      ],
      jointProgrammeId,
    },
  };
}
