import { ConcordError } from '@concord/kernel';
import { REPORT_PERIOD_RULE, reportPeriodDays } from '@concord/programming';
import { bySdgTarget, sdgTargetByCode } from '@concord/reference';
import { Decimal } from 'decimal.js';

/**
 * A joint programme's progress report for one period (issue 5, ARCHITECTURE §1 "JP manager"),
 * assembled from plain rows of the read models: budget against expenditure by agency, funding by
 * source, results indicators, narrative by agency, SDG targets and markers. Pure: the query reads
 * the rows, the renderers write what this returns. Where each figure comes from: ADR 0012.
 */

export interface ReportPeriod {
  /** '2024', '2024-H1' or '2024-Q3' */
  code: string;
  year: number;
  /** YYYY-MM-DD */
  start: string;
  /** YYYY-MM-DD */
  end: string;
}

/** The period asked for, or BAD_USER_INPUT naming the field and the value. */
export function reportPeriod(code: string | undefined): ReportPeriod {
  const days = code === undefined ? undefined : reportPeriodDays(code);
  if (!days) {
    const message =
      code === undefined ? `period is required: it ${REPORT_PERIOD_RULE}` : `period "${code}" ${REPORT_PERIOD_RULE}`;
    throw new ConcordError('BAD_USER_INPUT', 'INVALID_PERIOD', message, [
      { path: 'period', value: code, message: REPORT_PERIOD_RULE },
    ]);
  }
  return { code: code!, year: days.year, start: days.first, end: days.last };
}

// What the query reads ------------------------------------------------------------------------

export interface ProgrammeFacts {
  id: string;
  code: string;
  title: string;
  countries: string[];
  status: string;
  startDate: string | null;
  endDate: string | null;
  leadOrganisation: string | null;
  counterparts: string[];
  fundingSources: string[];
  sdgTargets: string[];
  genderMarker: number | null;
}

export interface ReportFacts {
  actuals: { indicatorCode: string; actual: string }[];
  expenditure: { organisation: string; currency: string; amount: string }[];
  narrative: { organisation: string; text: string }[];
  revision: number;
  reportedAt: string;
  revisedAt: string;
}

export interface ParticipantFacts {
  organisation: string;
  role: string;
  budgetShare: string | null;
}

/** The budget lines of the period's year of the activities linked to the programme, per lead and currency. */
export interface BudgetFacts {
  organisation: string;
  currency: string;
  required: string;
  available: string;
}

/** Money recorded for the programme up to the period's end, per donor and currency; signed-in callers only. */
export interface ContributionFacts {
  donor: string;
  /** The donor organisation's or fund's name; null when the directory does not know it. */
  donorName: string | null;
  currency: string;
  committed: string;
  received: string;
}

export interface IndicatorFacts {
  code: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
}

/** A framework outcome or output the programme is linked to, by framework and in the framework's order. */
export interface ResultFacts {
  frameworkCode: string;
  code: string;
  kind: string;
  title: string;
  sdgTargets: string[];
  indicators: IndicatorFacts[];
}

/** A linked activity that carries a marker. */
export interface ActivityMarkerFacts {
  id: string;
  title: string;
  organisation: string;
  genderMarker: number | null;
  humanRightsMarker: number | null;
}

export interface ReportInputs {
  programme: ProgrammeFacts;
  period: ReportPeriod;
  report: ReportFacts;
  participants: ParticipantFacts[];
  /** Organisation code → name, for every organisation the other inputs name. */
  organisationNames: Readonly<Record<string, string>>;
  budgets: BudgetFacts[];
  /** null: the caller may not see contributions (anonymous). */
  contributions: ContributionFacts[] | null;
  results: ResultFacts[];
  activityMarkers: ActivityMarkerFacts[];
}

// What the report holds -----------------------------------------------------------------------

export interface BudgetLine {
  organisation: string;
  organisationName: string;
  /** LEAD or PARTICIPATING; null for the lead of a linked activity who is no participant. */
  role: string | null;
  /** Percentage of the programme's budget, as agreed in the programme document. */
  budgetShare: string | null;
  /** null when the agency has neither a budget line nor expenditure. */
  currency: string | null;
  /** Of the period's year. */
  required: string | null;
  available: string | null;
  /** In the period. */
  expenditure: string | null;
  /** expenditure ÷ available, in percent, one decimal. */
  delivery: string | null;
}

export interface BudgetTotal {
  currency: string;
  required: string;
  available: string;
  expenditure: string;
  delivery: string | null;
}

export interface FundingLine {
  /** The donor's code, or the source as the programme document names it when no money is recorded. */
  source: string;
  sourceName: string;
  /** Named among the programme's funding sources. */
  declared: boolean;
  currency: string | null;
  /** Up to the period's end; null when unknown to the caller or not recorded. */
  committed: string | null;
  received: string | null;
}

export interface IndicatorLine {
  /** 'KHM-UNSDCF 1.1'; null for an actual reported under a code no linked result has. */
  result: string | null;
  resultTitle: string | null;
  code: string;
  name: string | null;
  unit: string | null;
  baseline: string | null;
  target: string | null;
  actual: string | null;
  /** (actual − baseline) ÷ (target − baseline), in percent, one decimal. */
  progress: string | null;
}

export interface NarrativeLine {
  organisation: string;
  organisationName: string;
  text: string;
}

export interface SdgTargetLine {
  target: string;
  title: string | null;
  /** 'programme' and/or the linked results that name it, e.g. 'KHM-UNSDCF 1.1'. */
  namedBy: string[];
}

export const MARKER_KINDS = ['GENDER_EQUALITY', 'HUMAN_RIGHTS'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface MarkerLine {
  marker: MarkerKind;
  level: number;
  meaning: string;
  /** 'programme', or the activity it is set on. */
  setOn: string;
}

export interface JointProgrammeReport {
  programme: ProgrammeFacts & { leadOrganisationName: string | null };
  period: ReportPeriod;
  revision: number;
  reportedAt: string;
  revisedAt: string;
  budget: BudgetLine[];
  budgetTotals: BudgetTotal[];
  /** false for anonymous callers: sources are listed, amounts are not (contributions need sign-in). */
  fundingAmountsShown: boolean;
  funding: FundingLine[];
  indicators: IndicatorLine[];
  narratives: NarrativeLine[];
  sdgTargets: SdgTargetLine[];
  markers: MarkerLine[];
}

// Assembly ------------------------------------------------------------------------------------

const sum = (values: readonly (string | null | undefined)[]): string | null => {
  const present = values.filter((v): v is string => v !== null && v !== undefined);
  return present.length ? Decimal.sum(...present).toFixed() : null;
};

/** part ÷ whole in percent, one decimal; null when the whole is missing or zero. */
const percent = (part: string | null, whole: string | null): string | null =>
  part === null || whole === null || new Decimal(whole).isZero()
    ? null
    : new Decimal(part).div(whole).times(100).toDecimalPlaces(1).toFixed();

function budgetLines(inputs: ReportInputs): BudgetLine[] {
  const { participants, budgets, report, organisationNames } = inputs;
  const others = [...budgets.map((b) => b.organisation), ...report.expenditure.map((e) => e.organisation)].filter(
    (o) => !participants.some((p) => p.organisation === o),
  );
  const agencies = [
    ...participants,
    ...[...new Set(others)].sort().map((organisation) => ({ organisation, role: null, budgetShare: null })),
  ];
  return agencies.flatMap(({ organisation, role, budgetShare }): BudgetLine[] => {
    const planned = budgets.filter((b) => b.organisation === organisation);
    const spent = report.expenditure.filter((e) => e.organisation === organisation);
    const currencies = [...new Set([...planned.map((b) => b.currency), ...spent.map((e) => e.currency)])].sort();
    const base = { organisation, organisationName: organisationNames[organisation] ?? organisation, role, budgetShare };
    if (!currencies.length) {
      return [{ ...base, currency: null, required: null, available: null, expenditure: null, delivery: null }];
    }
    return currencies.map((currency) => {
      const lines = planned.filter((b) => b.currency === currency);
      const available = sum(lines.map((b) => b.available));
      const expenditure = sum(spent.filter((e) => e.currency === currency).map((e) => e.amount));
      return {
        ...base,
        currency,
        required: sum(lines.map((b) => b.required)),
        available,
        expenditure,
        delivery: percent(expenditure, available),
      };
    });
  });
}

function budgetTotals(lines: BudgetLine[]): BudgetTotal[] {
  const currencies = [...new Set(lines.map((l) => l.currency).filter((c): c is string => c !== null))].sort();
  return currencies.map((currency) => {
    const of = lines.filter((l) => l.currency === currency);
    const available = sum(of.map((l) => l.available)) ?? '0';
    const expenditure = sum(of.map((l) => l.expenditure)) ?? '0';
    return {
      currency,
      required: sum(of.map((l) => l.required)) ?? '0',
      available,
      expenditure,
      delivery: percent(expenditure, available),
    };
  });
}

const folded = (text: string) => text.trim().toLowerCase();

/**
 * Recorded money per donor and currency, then the programme's declared sources no money is
 * recorded from. A declared source is matched to a donor by code or name, case aside ("Joint SDG
 * Fund" is the fund JOINT_SDG_FUND).
 */
function fundingLines(programme: ProgrammeFacts, contributions: ContributionFacts[] | null): FundingLine[] {
  const declared = programme.fundingSources;
  const isDeclared = (c: ContributionFacts) =>
    declared.some((s) => [c.donor, c.donorName].some((name) => name !== null && folded(name) === folded(s)));
  const recorded = (contributions ?? []).map((c) => ({
    source: c.donor,
    sourceName: c.donorName ?? c.donor,
    declared: isDeclared(c),
    currency: c.currency,
    committed: c.committed,
    received: c.received,
  }));
  const unrecorded = declared
    .filter((s) => !recorded.some((r) => [r.source, r.sourceName].some((name) => folded(name) === folded(s))))
    .map((s) => ({ source: s, sourceName: s, declared: true, currency: null, committed: null, received: null }));
  return [...recorded, ...unrecorded];
}

const resultLabel = (r: ResultFacts) => `${r.frameworkCode} ${r.code}`;

function indicatorLines(results: ResultFacts[], actuals: ReportFacts['actuals']): IndicatorLine[] {
  const actualOf = new Map(actuals.map((a) => [a.indicatorCode, a.actual]));
  const defined = results.flatMap((result) =>
    result.indicators.map((indicator) => {
      const actual = actualOf.get(indicator.code) ?? null;
      const progress =
        actual === null
          ? null
          : percent(
              new Decimal(actual).minus(indicator.baseline).toFixed(),
              new Decimal(indicator.target).minus(indicator.baseline).toFixed(),
            );
      return {
        result: resultLabel(result),
        resultTitle: result.title,
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        baseline: indicator.baseline,
        target: indicator.target,
        actual,
        progress,
      };
    }),
  );
  // Nothing reported is dropped: an actual under a code no linked result defines is still shown.
  const known = new Set(defined.map((d) => d.code));
  const unmatched = actuals
    .filter((a) => !known.has(a.indicatorCode))
    .map((a) => ({
      result: null,
      resultTitle: null,
      code: a.indicatorCode,
      name: null,
      unit: null,
      baseline: null,
      target: null,
      actual: a.actual,
      progress: null,
    }));
  return [...defined, ...unmatched];
}

function sdgTargetLines(programme: ProgrammeFacts, results: ResultFacts[]): SdgTargetLine[] {
  const namedBy = new Map<string, string[]>();
  const name = (target: string, by: string) => namedBy.set(target, [...(namedBy.get(target) ?? []), by]);
  programme.sdgTargets.forEach((t) => name(t, 'programme'));
  results.forEach((r) => r.sdgTargets.forEach((t) => name(t, resultLabel(r))));
  return [...namedBy.keys()]
    .sort(bySdgTarget)
    .map((target) => ({ target, title: sdgTargetByCode(target)?.name.en ?? null, namedBy: namedBy.get(target)! }));
}

/** The UN INFO markers' levels, 0 to 3, in words. */
const MARKER_LEVELS: Record<MarkerKind, readonly string[]> = {
  GENDER_EQUALITY: [
    'not expected to contribute noticeably to gender equality',
    'contributes to gender equality in a limited way',
    'gender equality is a significant objective',
    'gender equality is the principal objective',
  ],
  HUMAN_RIGHTS: [
    'not expected to contribute noticeably to human rights',
    'contributes to human rights in a limited way',
    'human rights are a significant objective',
    'human rights are the principal objective',
  ],
};

const marker = (kind: MarkerKind, level: number, setOn: string): MarkerLine => ({
  marker: kind,
  level,
  meaning: MARKER_LEVELS[kind][level] ?? `level ${level}`,
  setOn,
});

function markerLines(programme: ProgrammeFacts, activities: ActivityMarkerFacts[]): MarkerLine[] {
  const own = programme.genderMarker === null ? [] : [marker('GENDER_EQUALITY', programme.genderMarker, 'programme')];
  const linked = activities.flatMap((a) => {
    const on = `activity ${a.id}: ${a.title} (${a.organisation})`;
    return [
      ...(a.genderMarker === null ? [] : [marker('GENDER_EQUALITY', a.genderMarker, on)]),
      ...(a.humanRightsMarker === null ? [] : [marker('HUMAN_RIGHTS', a.humanRightsMarker, on)]),
    ];
  });
  return [...own, ...linked];
}

/** The narratives in the order the programme lists its participants. */
function narrativeLines(inputs: ReportInputs): NarrativeLine[] {
  const position = (o: string) => {
    const i = inputs.participants.findIndex((p) => p.organisation === o);
    return i === -1 ? inputs.participants.length : i;
  };
  return [...inputs.report.narrative]
    .sort((a, b) => position(a.organisation) - position(b.organisation))
    .map((n) => ({
      organisation: n.organisation,
      organisationName: inputs.organisationNames[n.organisation] ?? n.organisation,
      text: n.text,
    }));
}

export function assembleReport(inputs: ReportInputs): JointProgrammeReport {
  const { programme, report } = inputs;
  const budget = budgetLines(inputs);
  const lead = programme.leadOrganisation;
  return {
    programme: { ...programme, leadOrganisationName: lead === null ? null : (inputs.organisationNames[lead] ?? lead) },
    period: inputs.period,
    revision: report.revision,
    reportedAt: report.reportedAt,
    revisedAt: report.revisedAt,
    budget,
    budgetTotals: budgetTotals(budget),
    fundingAmountsShown: inputs.contributions !== null,
    funding: fundingLines(programme, inputs.contributions),
    indicators: indicatorLines(inputs.results, report.actuals),
    narratives: narrativeLines(inputs),
    sdgTargets: sdgTargetLines(programme, inputs.results),
    markers: markerLines(programme, inputs.activityMarkers),
  };
}
