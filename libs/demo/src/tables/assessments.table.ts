import { activityAggregate, type ActivityDetailsInput } from '@concord/programming';
import type { CsvRecord } from '../csv';
import { countriesIn } from '../country-names';
import { spanOf } from '../dates';
import { DEMO_FILES } from '../demo-data';
import { demoStep, skippedRecord, type DemoRecord, type DemoTable, type PlanContext } from '../demo-plan';
import { isNotStated } from '../text';

export const ABND_COLUMNS = ['seq', 'country', 'agencies_named', 'output', 'dates', 'result', 'source_line'] as const;

type Row = Record<(typeof ABND_COLUMNS)[number], string>;

/** Annex 4's title: "Overview of the most significant results achieved in conducting ABNDs (2016–20)". */
const ANNEX_PERIOD = { start: '2016-01-01', end: '2020-12-31' };

/**
 * seed000_annex4_abnd.csv: the assessment-based national dialogues (ABNDs) of document 000's
 * Annex 4, each registered as a closed assessment activity (function ASSESSMENT) and published.
 * What the annex only implies is written into the activity's description, and its row is its
 * external id.
 */
export function planAssessments(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  return {
    name: 'ABND assessments',
    source: DEMO_FILES.abnd,
    records: rows.map(({ fields }) => assessmentRecord(ctx, fields as Row)),
  };
}

function assessmentRecord(ctx: PlanContext, row: Row): DemoRecord {
  const label = `ABND ${row.seq} ${row.country}`;
  const [country] = countriesIn(row.country).codes;
  if (!country) return skippedRecord(label, `"${row.country}" names no country`);
  const agencies = isNotStated(row.agencies_named)
    ? { codes: [], unresolved: [] }
    : ctx.names.resolve(row.agencies_named);
  const lead = leadOf(ctx, row.agencies_named, agencies.codes);
  const period = periodOf(row.dates);
  const inferred = [
    ...lead.inferred,
    ...period.inferred,
    'status CLOSED: the annex reports the assessment done',
    'the four floor guarantees and stage POLICY_MAKING: an ABND assesses the whole floor for a national dialogue on policy',
  ];
  const partners = agencies.codes.filter((code) => code !== lead.code);
  // Ministries and committees the annex names beside the agencies are the government counterparts.
  const counterparts = agencies.unresolved.filter((part) => /ministry|government|federal|committee/i.test(part));
  const details: ActivityDetailsInput = {
    titles: { en: `Assessment-based national dialogue in ${row.country}: ${row.output}` },
    descriptions: { en: descriptionOf(row, inferred) },
    organisation: lead.code,
    partners: partners.map((organisation) => ({ organisation, role: 'IMPLEMENTING' })),
    country,
    functions: ['ASSESSMENT'],
    guarantees: ['HEALTH_CARE', 'CHILDREN', 'WORKING_AGE', 'OLDER_PERSONS'],
    stages: ['POLICY_MAKING'],
    counterparts,
    start: period.start,
    end: period.end,
  };
  const register = demoStep(activityAggregate, { kind: 'activity', key: `abnd:${row.seq}` }, 'register', {
    type: 'RegisterActivity',
    data: {
      ...details,
      status: 'CLOSED',
      source: 'CSV',
      externalIds: [{ system: 'CONCORD_DEMO', id: `seed000_annex4_abnd:${row.seq}` }],
    },
  });
  // Annex 4 is a public report: the assessments it lists are public (ADR 0007).
  const publish = demoStep(activityAggregate, { kind: 'activity', key: `abnd:${row.seq}` }, 'publish', {
    type: 'PublishActivity',
    data: {},
  });
  const presences = ctx.presences([lead.code, ...partners], [country]);
  return {
    label,
    steps: [register, publish, ...presences.steps],
    inferred: [...inferred, ...presences.inferred],
    leftOut: agencies.unresolved.filter((part) => !counterparts.includes(part)),
  };
}

/**
 * The lead is the agency marked "(lead)", else the one agency named. Otherwise (several agencies
 * and no lead, or none named) it is the ILO, whose assessment method the ABND is, as an inference.
 */
function leadOf(ctx: PlanContext, named: string, codes: string[]): { code: string; inferred: string[] } {
  const marked = /([^;]+)\(lead\)/i.exec(named)?.[1];
  const [markedCode] = marked === undefined ? [] : ctx.names.lookup(marked);
  if (markedCode) return { code: markedCode, inferred: [] };
  if (codes.length === 1) return { code: codes[0], inferred: [] };
  const reason = codes.length ? `the annex names ${codes.join(', ')} but no lead` : 'the annex names no agency by name';
  return { code: 'ILO', inferred: [`lead ILO: ${reason}; the ABND is the ILO's assessment method`] };
}

/** From the earliest to the latest date the annex gives for the entry; the annex's own period when it gives none. */
function periodOf(dates: string): { start: string; end: string; inferred: string[] } {
  const span = spanOf(dates);
  if (!span) return { ...ANNEX_PERIOD, inferred: ['period 2016–2020 from the annex title: the entry gives no date'] };
  const { start, end } = span;
  return { start, end, inferred: [`period ${start} to ${end} spans the dates the annex gives ("${dates}")`] };
}

function descriptionOf(row: Row, inferred: string[]): string {
  return [
    `${row.output}.`,
    `Dates: ${row.dates}. Result: ${row.result}.`,
    `Agencies named: ${row.agencies_named}.`,
    `Source: document 000 (UN collaboration on social protection, 2022), Annex 4, line ${row.source_line}.`,
    `Inferred: ${inferred.join('; ')}.`,
  ].join(' ');
}
