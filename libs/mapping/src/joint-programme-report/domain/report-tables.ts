import { ConcordError } from '@concord/kernel';
import { countryByCode } from '@concord/reference';
import { Decimal } from 'decimal.js';
import type { JointProgrammeReport, ReportPeriod } from './joint-programme-report';

/**
 * The report's tables, defined once for every format: Markdown, HTML and PDF show them with
 * figures grouped for reading, CSV writes the raw values. A column's kind says how a value reads.
 */

export const REPORT_TABLES = ['budget', 'funding', 'indicators', 'narrative', 'sdg', 'markers'] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];

/** A table named in a download, or BAD_USER_INPUT naming the field and the value. */
export function reportTableName(name: string | undefined): ReportTableName {
  if (REPORT_TABLES.includes(name as ReportTableName)) return name as ReportTableName;
  const rule = `must be one of ${REPORT_TABLES.join(', ')}`;
  throw new ConcordError(
    'BAD_USER_INPUT',
    'UNKNOWN_TABLE',
    name === undefined ? `table is required: it ${rule}` : `table "${name}" ${rule}`,
    [{ path: 'table', value: name, message: rule }],
  );
}

/** text: as it is; amount: money, two decimals; figure: a count or measure; percent: one decimal. */
export type ColumnKind = 'text' | 'amount' | 'figure' | 'percent';

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
}

export interface ReportTable {
  name: ReportTableName;
  title: string;
  /** What the table holds and where its figures come from, in one sentence. */
  note: string;
  columns: ReportColumn[];
  rows: (string | null)[][];
  /** Total rows, shown under the table but not written to CSV (a spreadsheet sums by itself); '' is a blank cell. */
  totals: (string | null)[][];
  /** Said instead of an empty table. */
  empty: string;
  /**
   * How documents lay it out: a grid, or one paragraph per row headed by its first two columns
   * (long texts such as narratives read badly in a grid). CSV is always a grid.
   */
  layout: 'grid' | 'paragraphs';
}

const text = (header: string): ReportColumn => ({ header, kind: 'text' });
const amount = (header: string): ReportColumn => ({ header, kind: 'amount' });
const figure = (header: string): ReportColumn => ({ header, kind: 'figure' });
const percent = (header: string): ReportColumn => ({ header, kind: 'percent' });

const PERIOD_PARTS: Record<string, string> = {
  H1: 'first half',
  H2: 'second half',
  Q1: 'first quarter',
  Q2: 'second quarter',
  Q3: 'third quarter',
  Q4: 'fourth quarter',
};

/** '2024, first half (2024-01-01 to 2024-06-30)' */
export function periodInWords(period: ReportPeriod): string {
  const part = PERIOD_PARTS[period.code.split('-')[1] ?? ''];
  return `${period.year}${part ? `, ${part}` : ''} (${period.start} to ${period.end})`;
}

/** How a value of a column reads in a document: '1,234,567.00', '2,400,000', '87.5 %'; null is '—'. */
export function shown(value: string | null, kind: ColumnKind): string {
  if (value === null) return '—';
  if (kind === 'text' || value === '') return value;
  const number = new Decimal(value);
  const fixed = kind === 'amount' ? number.toFixed(2) : kind === 'percent' ? number.toFixed(1) : number.toFixed();
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${fraction ? `.${fraction}` : ''}${kind === 'percent' ? ' %' : ''}`;
}

/** The title block's lines: label and value, in order. */
export function reportFacts(report: JointProgrammeReport): [string, string][] {
  const { programme } = report;
  const countries = programme.countries.map((c) => countryByCode(c)?.name.en ?? c).join(', ');
  const lead = programme.leadOrganisation
    ? `${programme.leadOrganisationName} (${programme.leadOrganisation})`
    : 'not set';
  const span = programme.startDate ? `${programme.startDate} to ${programme.endDate}` : 'not set';
  const revised = report.revision > 1 ? `, revision ${report.revision} of ${report.revisedAt.slice(0, 10)}` : '';
  return [
    ['Programme', `${programme.code}: ${programme.title}`],
    ['Reporting period', periodInWords(report.period)],
    ['Countries', countries],
    ['Lead agency', lead],
    ['Status', programme.status],
    ['Programme period', span],
    ['Government counterparts', programme.counterparts.join('; ') || 'none named'],
    ['Report', `recorded ${report.reportedAt.slice(0, 10)}${revised}`],
  ];
}

export function reportTables(report: JointProgrammeReport): ReportTable[] {
  const { period } = report;
  return [
    {
      name: 'budget',
      title: 'Budget and expenditure by agency',
      note:
        `Budget: the ${period.year} budget lines of the activities linked to the programme, by lead agency. ` +
        `Expenditure: the ${period.code} progress report. Delivery: expenditure as a share of the funded budget.`,
      columns: [
        text('Agency'),
        text('Code'),
        text('Role'),
        percent('Budget share'),
        text('Currency'),
        amount(`Required ${period.year}`),
        amount(`Funded ${period.year}`),
        amount(`Expenditure ${period.code}`),
        percent('Delivery'),
      ],
      rows: report.budget.map((b) => [
        b.organisationName,
        b.organisation,
        b.role,
        b.budgetShare,
        b.currency,
        b.required,
        b.available,
        b.expenditure,
        b.delivery,
      ]),
      totals: report.budgetTotals.map((t) => [
        'Total',
        '',
        '',
        '',
        t.currency,
        t.required,
        t.available,
        t.expenditure,
        t.delivery,
      ]),
      empty: 'No participating agency, budget line or expenditure.',
      layout: 'grid',
    },
    {
      name: 'funding',
      title: 'Funding by source',
      note: report.fundingAmountsShown
        ? `Contributions recorded for the programme, committed and received up to ${period.end}, ` +
          'and the funding sources its programme document names.'
        : 'The funding sources the programme document names. Sign in to see the contributions recorded.',
      columns: [
        text('Source'),
        text('Code'),
        text('Named in the programme'),
        text('Currency'),
        amount(`Committed by ${period.end}`),
        amount(`Received by ${period.end}`),
      ],
      rows: report.funding.map((f) => [
        f.sourceName,
        f.source === f.sourceName ? null : f.source,
        f.declared ? 'yes' : 'no',
        f.currency,
        f.committed,
        f.received,
      ]),
      totals: [],
      empty: 'No funding source named and no contribution recorded.',
      layout: 'grid',
    },
    {
      name: 'indicators',
      title: 'Results indicators',
      note:
        'Baseline and target: the Cooperation Framework results the programme is linked to. ' +
        `Actual: the ${period.code} progress report, by indicator code.`,
      columns: [
        text('Result'),
        text('Indicator'),
        text('Name'),
        text('Unit'),
        figure('Baseline'),
        figure('Target'),
        figure('Actual'),
        percent('Progress'),
      ],
      rows: report.indicators.map((i) => [
        i.result === null ? 'not in a linked result' : `${i.result}: ${i.resultTitle}`,
        i.code,
        i.name,
        i.unit,
        i.baseline,
        i.target,
        i.actual,
        i.progress,
      ]),
      totals: [],
      empty: 'No linked result defines an indicator, and no actual was reported.',
      layout: 'grid',
    },
    {
      name: 'narrative',
      title: 'Narrative by agency',
      note: `As each agency wrote it in the ${period.code} progress report.`,
      columns: [text('Agency'), text('Code'), text('Narrative')],
      rows: report.narratives.map((n) => [n.organisationName, n.organisation, n.text]),
      totals: [],
      empty: 'No agency wrote a narrative for this period.',
      layout: 'paragraphs',
    },
    {
      name: 'sdg',
      title: 'SDG targets',
      note: 'The targets the programme and its linked framework results name.',
      columns: [text('Target'), text('Title'), text('Named by')],
      rows: report.sdgTargets.map((s) => [s.target, s.title, s.namedBy.join('; ')]),
      totals: [],
      empty: 'No SDG target named.',
      layout: 'grid',
    },
    {
      name: 'markers',
      title: 'Markers',
      note: "UN INFO's gender equality and human rights markers (0–3), on the programme and its linked activities.",
      columns: [text('Marker'), figure('Level'), text('Meaning'), text('Set on')],
      rows: report.markers.map((m) => [m.marker, String(m.level), m.meaning, m.setOn]),
      totals: [],
      empty: 'No marker set.',
      layout: 'grid',
    },
  ];
}
