import { jointProgrammeAggregate, type Participant } from '@concord/programming';
import type { CsvRecord } from '../csv';
import { countriesIn } from '../country-names';
import { periodSpanOf } from '../dates';
import { DEMO_FILES } from '../demo-data';
import { demoStep, skippedRecord, type DemoRecord, type DemoTable, type PlanContext } from '../demo-plan';
import { policyAreasIn, targetGroupsIn } from '../keywords';
import type { ResolvedNames } from '../organisation-names';
import { capitalised, isNotStated, splitOutsideParentheses, withoutParentheses } from '../text';
import { partsOf } from './joint-programme-parts';

export const JOINT_PROGRAMME_COLUMNS = [
  'id',
  'kind',
  'country_or_scope',
  'name_or_title_verbatim',
  'funding_source',
  'lead_agency',
  'participating_agencies',
  'period',
  'focus',
  'target_groups',
  'government_counterpart',
  'joint_sdg_fund_status',
] as const;

type Row = Record<(typeof JOINT_PROGRAMME_COLUMNS)[number], string>;

/**
 * seed000_jps_mentioned.csv: the joint programmes and other joint initiatives document 000 names,
 * each drafted as a joint programme (CONCEPT) with its agencies, countries, counterparts, funding
 * and period, and published (the document is a public report); and its agencies' presence in its
 * countries.
 */
export function planJointProgrammes(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  return {
    name: 'joint programmes',
    source: DEMO_FILES.jointProgrammes,
    records: rows.map(({ fields }) => jointProgrammeRecord(ctx, fields as Row)),
  };
}

function jointProgrammeRecord(ctx: PlanContext, row: Row): DemoRecord {
  const countries = countriesIn(row.country_or_scope);
  if (!countries.codes.length) return skippedRecord(row.id, `"${row.country_or_scope}" names no country`);
  const title = titleOf(row);
  const { participants, inferred: leads, leftOut: agencies } = participantsOf(ctx, row);
  const funding = fundingOf(row);
  const period = periodOf(row.period);
  const policyAreas = policyAreasIn(row.focus);
  const targetGroups = targetGroupsIn(row.target_groups);
  const counterparts = isNotStated(row.government_counterpart)
    ? []
    : splitOutsideParentheses(row.government_counterpart, /;/);
  const draft = demoStep(jointProgrammeAggregate, { kind: 'joint-programme', key: row.id }, 'draft', {
    type: 'DraftJointProgramme',
    data: {
      code: row.id,
      title: title.text,
      countries: countries.codes,
      participants,
      counterparts,
      fundingSources: funding.sources,
      startDate: period.dates?.start,
      endDate: period.dates?.end,
      policyAreas,
      targetGroups,
    },
  });
  // Document 000 is a public report: what it says of a programme is public (ADR 0007).
  const publish = demoStep(jointProgrammeAggregate, { kind: 'joint-programme', key: row.id }, 'publish', {
    type: 'PublishJointProgramme',
    data: {},
  });
  const presences = ctx.presences(
    participants.map((p) => p.organisation),
    countries.codes,
  );
  const parts = partsOf(
    {
      code: row.id,
      title: title.text,
      countries: countries.codes,
      participants,
      counterparts,
      fundingSources: funding.sources,
      policyAreas,
      targetGroups,
      period: period.dates,
      periodText: row.period,
      focus: row.focus,
      targetGroupText: row.target_groups,
    },
    ctx.today,
  );
  return {
    label: row.id,
    steps: [draft, publish, ...presences.steps, ...parts.steps],
    inferred: [
      ...title.inferred,
      ...leads,
      ...funding.inferred,
      ...period.inferred,
      ...(policyAreas.length ? [`policy areas ${policyAreas.join(', ')} read from the focus`] : []),
      ...(targetGroups.length ? [`target groups ${targetGroups.join(', ')} read from the target groups`] : []),
      ...presences.inferred,
      ...parts.inferred,
    ],
    leftOut: [...countries.unmatched, ...agencies, ...period.leftOut, ...parts.leftOut],
  };
}

/** Editors' notes on where a title came from: not part of it. */
const TITLE_NOTE = /\s*\((box title|title from [^)]*)\)\s*$/i;
/** "(no title) leveraged the El Maouna assistance programme", "(twin-track approach)". */
const UNTITLED = /^\(no title[^)]*\)\s*/i;

/** The title as the document gives it; for an untitled one, what it is, where, and what it does. */
function titleOf(row: Row): { text: string; inferred: string[] } {
  const verbatim = row.name_or_title_verbatim.replace(TITLE_NOTE, '').trim();
  const onlyNote = /^\(([^()]*)\)$/.exec(verbatim);
  const description = UNTITLED.test(verbatim) ? verbatim.replace(UNTITLED, '') : onlyNote?.[1];
  if (description === undefined) return { text: capitalised(verbatim), inferred: [] };
  const kind = row.kind.replace(/\s*\(.*\)$/, '').replace(/\bJP\b/, 'joint programme');
  const what = description || splitOutsideParentheses(row.focus, /;/)[0] || 'no description';
  return {
    text: `${capitalised(kind)} in ${row.country_or_scope}: ${what}`,
    inferred: ['the document gives no title: composed from its kind, scope and description'],
  };
}

const NONE: ResolvedNames = { codes: [], unresolved: [] };

/** Lead first where stated, then the participating agencies in the order the table lists them. */
function participantsOf(
  ctx: PlanContext,
  row: Row,
): { participants: Participant[]; inferred: string[]; leftOut: string[] } {
  const leads = isNotStated(row.lead_agency) ? NONE : ctx.names.resolve(row.lead_agency);
  const others = isNotStated(row.participating_agencies) ? NONE : ctx.names.resolve(row.participating_agencies);
  // A programme has one lead; "ILO;UN Women" co-lead, and neither is made the lead.
  const lead = leads.codes.length === 1 ? leads.codes[0] : undefined;
  const codes = [...new Set([...(lead ? [lead] : []), ...others.codes, ...leads.codes])];
  return {
    participants: codes.map((organisation) => ({
      organisation,
      role: organisation === lead ? 'LEAD' : 'PARTICIPATING',
    })),
    inferred: leads.codes.length > 1 ? [`co-led by ${leads.codes.join(' and ')}: no single lead is set`] : [],
    leftOut: [...leads.unresolved, ...others.unresolved],
  };
}

/** The funding sources, the Joint SDG Fund under one name; where the table infers it, so does the demo. */
function fundingOf(row: Row): { sources: string[]; inferred: string[] } {
  if (isNotStated(row.funding_source)) {
    return /^inferred/i.test(row.joint_sdg_fund_status)
      ? { sources: ['Joint SDG Fund'], inferred: [`Joint SDG Fund funding: ${row.joint_sdg_fund_status}`] }
      : { sources: [], inferred: [] };
  }
  const sources = splitOutsideParentheses(row.funding_source, /;/).map((source) =>
    /sdg (fund|programme)/i.test(source) ? 'Joint SDG Fund' : source.replace(/^(plus|later)\s+/i, ''),
  );
  return { sources: [...new Set(sources)], inferred: [] };
}

interface Period {
  dates?: { start: string; end: string };
  inferred: string[];
  leftOut: string[];
}

/**
 * "2020-02-01 to 2022-03-31", "June 2021 to November 2022", "2020–22", "2022 (study)". Months and
 * years are widened to their first and last days, which is an inference; a text that says more
 * than dates ("since 2011", "COVID-19", "Togo 2018; Senegal 2019–20") is left out, not guessed.
 */
function periodOf(text: string): Period {
  if (!text.trim() || /not stated/i.test(text)) return { inferred: [], leftOut: [] };
  const span = periodSpanOf(withoutParentheses(text));
  if (!span) return { inferred: [], leftOut: [text] };
  const dates = { start: span.start, end: span.end };
  return { dates, inferred: span.widened ? [`period ${span.start} to ${span.end} from "${text}"`] : [], leftOut: [] };
}
