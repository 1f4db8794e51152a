import { Injectable } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { RATE_MAX_AGE_DAYS } from '../../contribution/read-model/contribution.projection';
import { REPORTING_CURRENCY, type TransactionType } from '../../funding.vocabulary';

/** What the overview can be narrowed to; every field is optional and they combine. */
export interface FundingFilter {
  country?: string;
  frameworkOutcomeId?: string;
  jointProgrammeId?: string;
  /** The accountable organisation: the recipient, a JP's lead, a fund's manager; an activity's lead. */
  organisation?: string;
  donor?: string;
  fundCode?: string;
  year?: number;
}

export const FUNDING_DIMENSIONS = [
  'YEAR',
  'COUNTRY',
  'ORGANISATION',
  'DONOR',
  'JOINT_PROGRAMME',
  'FRAMEWORK_OUTCOME',
  'FUND',
] as const;
export type FundingDimension = (typeof FUNDING_DIMENSIONS)[number];

export const MEASURES = [
  'required',
  'pledged',
  'committed',
  'received',
  'outgoingCommitted',
  'disbursed',
  'spent',
] as const;
export type Measure = (typeof MEASURES)[number];

const MEASURE_OF: Record<TransactionType, Measure> = {
  INCOMING_PLEDGE: 'pledged',
  INCOMING_COMMITMENT: 'committed',
  INCOMING_FUNDS: 'received',
  OUTGOING_COMMITMENT: 'outgoingCommitted',
  DISBURSEMENT: 'disbursed',
  EXPENDITURE: 'spent',
};

export interface OriginalAmount {
  measure: Measure;
  currency: string;
  amount: string;
}

/** Figures in the reporting currency; `required` and `gap` are null where no requirement applies (by donor). */
export interface FundingFigures {
  required: string | null;
  pledged: string;
  committed: string;
  received: string;
  outgoingCommitted: string;
  disbursed: string;
  spent: string;
  /** required − committed; negative when more is committed than required. */
  gap: string | null;
  /** Committed to joint programmes and pooled funds, and to single organisations. */
  jointCommitted: string;
  singleAgencyCommitted: string;
  /** Joint share of what is committed, in percent with one decimal; null when nothing is committed. */
  jointShare: string | null;
  /** The same money in the currencies it was given in, before conversion. */
  original: OriginalAmount[];
  /** Transactions and budget lines with no rate within RATE_MAX_AGE_DAYS of their date: not in the totals. */
  unconverted: number;
}

export interface FundingGroup {
  key: string | null;
  figures: FundingFigures;
}

export interface Pipeline {
  /** Submitted or shortlisted proposals matching the filter. */
  proposals: number;
  requested: string;
  original: { currency: string; amount: string }[];
  unconverted: number;
}

export interface FundingOverview {
  currency: string;
  rounding: string;
  total: FundingFigures;
  groups: FundingGroup[];
  pipeline: Pipeline;
}

export const ROUNDING =
  `Each amount is converted at the latest rate on or before its value date (budget lines: 1 January ` +
  `of their year; at most ${RATE_MAX_AGE_DAYS} days old) and rounded to the cent, half away from zero, before it is added up.`;

/** The latest rate of a currency at most RATE_MAX_AGE_DAYS old on a date, as a lateral join. */
const rateOn = (currency: string, date: string) => `LEFT JOIN LATERAL (
    SELECT r.rate FROM funding_exchange_rates r
     WHERE r.currency = ${currency} AND r.on_date <= ${date} AND r.on_date > ${date} - ${RATE_MAX_AGE_DAYS}
     ORDER BY r.on_date DESC LIMIT 1) rate ON ${currency} <> '${REPORTING_CURRENCY}'`;
const converted = (amount: string, currency: string) =>
  `CASE WHEN ${currency} = '${REPORTING_CURRENCY}' THEN ${amount} ELSE round(${amount} / rate.rate, 2) END`;

/** Grouping key and filter columns of each source. */
const TRANSACTION_KEY: Record<FundingDimension, string> = {
  YEAR: 't.year::text',
  COUNTRY: 't.country',
  ORGANISATION: 't.organisation',
  DONOR: 't.donor',
  JOINT_PROGRAMME: 't.joint_programme_id',
  FRAMEWORK_OUTCOME: 't.framework_outcome_id',
  FUND: 't.fund_code',
};
const ACTIVITY_KEY: Record<FundingDimension, string | null> = {
  YEAR: 'l.year::text',
  COUNTRY: 'a.country',
  ORGANISATION: 'a.organisation',
  DONOR: null,
  JOINT_PROGRAMME: 'a.joint_programme_id',
  FRAMEWORK_OUTCOME: 'outcome.id',
  FUND: null,
};

/** Positional parameters for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The funding framework (ARCHITECTURE §5): what is required, pledged, committed, received,
 * disbursed and spent, and the gap, by country, framework outcome, JP, organisation, donor, fund
 * and year, in the reporting currency. Money comes from contributions' transactions; what is
 * required comes from activities' budget lines, or from a fund's target when looking at a fund.
 */
@Injectable()
export class FundingOverviewQuery {
  constructor(private readonly db: DataSource) {}

  /** One statement (transactions, requirements and pipeline joined by UNION ALL): one round trip, one connection. */
  async overview(filter: FundingFilter, groupBy?: FundingDimension): Promise<FundingOverview> {
    const p = new Params();
    const parts = [transactions(p, filter, groupBy), requirements(p, filter, groupBy), pipeline(p, filter)].filter(
      (part): part is string => part !== null,
    );
    const rows: SourceRow[] = await this.db.query(parts.map((part) => `(${part})`).join('\nUNION ALL\n'), p.values);
    // No requirement is known per donor; a fund's requirement is its target, counted only when looking at funds.
    const requirementKnown = !filter.donor && groupBy !== 'DONOR';
    const total = new Tally();
    const groups = new Map<string | null, Tally>();
    const proposals: SourceRow[] = [];
    for (const row of rows) {
      if (row.source === 'pipeline') {
        proposals.push(row);
        continue;
      }
      const measure: Measure = row.source === 'money' ? MEASURE_OF[row.measure as TransactionType] : 'required';
      let group: Tally | undefined;
      if (groupBy) {
        group = groups.get(row.key) ?? new Tally();
        groups.set(row.key, group);
      }
      // Money comes in two grouping sets, by joint and by currency; a requirement row is both.
      if (row.joint !== null) {
        total.addUsd(measure, row.joint, row.usd, row.unconverted);
        group?.addUsd(measure, row.joint, row.usd, row.unconverted);
      }
      if (row.currency !== null) {
        total.addOriginal(measure, row.currency, row.amount);
        group?.addOriginal(measure, row.currency, row.amount);
      }
    }
    return {
      currency: REPORTING_CURRENCY,
      rounding: ROUNDING,
      total: total.figures(requirementKnown),
      groups: [...groups.keys()]
        .sort(compareKeys)
        .map((key) => ({ key, figures: groups.get(key)!.figures(requirementKnown) })),
      pipeline: {
        proposals: proposals.reduce((n, r) => n + r.proposals, 0),
        requested: money(proposals.map((r) => r.usd)),
        original: proposals.map((r) => ({ currency: r.currency!, amount: new Decimal(r.amount).toFixed(2) })),
        unconverted: proposals.reduce((n, r) => n + r.unconverted, 0),
      },
    };
  }
}

/** A row of the overview statement: money by transaction type, a requirement, or proposals asking. */
interface SourceRow {
  source: 'money' | 'required' | 'pipeline';
  key: string | null;
  /** Null in the money rows grouped by currency. */
  joint: boolean | null;
  /** Null in the money rows grouped by joint. */
  currency: string | null;
  amount: string;
  usd: string | null;
  unconverted: number;
  /** The transaction type for money. */
  measure: string;
  proposals: number;
}

function transactions(p: Params, filter: FundingFilter, groupBy?: FundingDimension): string {
  const where: string[] = [];
  const column = (dimension: FundingDimension, value: unknown) => {
    if (value !== undefined) where.push(`${TRANSACTION_KEY[dimension]} = ${p.add(value)}`);
  };
  // compared as an integer, not as the text key, so the (country, year) index serves it
  if (filter.year !== undefined) where.push(`t.year = ${p.add(filter.year)}`);
  column('COUNTRY', filter.country);
  column('ORGANISATION', filter.organisation);
  column('DONOR', filter.donor);
  column('JOINT_PROGRAMME', filter.jointProgrammeId);
  column('FRAMEWORK_OUTCOME', filter.frameworkOutcomeId);
  column('FUND', filter.fundCode);
  const key = groupBy ? TRANSACTION_KEY[groupBy] : 'NULL::text';
  // Summed by Postgres twice over, in USD by joint and in the original currencies, so the rows
  // do not multiply by currency × joint: a country's overview by year is some 400 rows, not 700.
  return `SELECT 'money' AS source, ${key} AS key, t.type AS measure, t.joint, t.currency, sum(t.amount)::text AS amount,
                 sum(t.amount_usd)::text AS usd, (count(*) - count(t.amount_usd))::int AS unconverted, 0 AS proposals
            FROM funding_transactions t
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           GROUP BY GROUPING SETS ((${key}, t.type, t.joint), (${key}, t.type, t.currency))`;
}

/** Activities' required budget by year, converted at 1 January; or the target of the funds looked at. */
function requirements(p: Params, filter: FundingFilter, groupBy?: FundingDimension): string | null {
  if (filter.donor || groupBy === 'DONOR') return null;
  if (filter.fundCode || groupBy === 'FUND') return fundTargets(p, filter, groupBy);
  const where = [`l.required > 0`];
  if (filter.country) where.push(`a.country = ${p.add(filter.country)}`);
  if (filter.organisation) where.push(`a.organisation = ${p.add(filter.organisation)}`);
  if (filter.jointProgrammeId) where.push(`a.joint_programme_id = ${p.add(filter.jointProgrammeId)}`);
  if (filter.frameworkOutcomeId) where.push(`outcome.id = ${p.add(filter.frameworkOutcomeId)}`);
  if (filter.year !== undefined) where.push(`l.year = ${p.add(filter.year)}`);
  const key = groupBy ? ACTIVITY_KEY[groupBy] : 'NULL::text';
  const needsOutcome = filter.frameworkOutcomeId || groupBy === 'FRAMEWORK_OUTCOME';
  return `SELECT 'required' AS source, ${key} AS key, 'required' AS measure, false AS joint, l.currency,
                 sum(l.required)::text AS amount, sum(${converted('l.required', 'l.currency')})::text AS usd,
                 count(*) FILTER (WHERE l.currency <> '${REPORTING_CURRENCY}' AND rate.rate IS NULL)::int AS unconverted,
                 0 AS proposals
            FROM programming_activities a
           CROSS JOIN LATERAL jsonb_to_recordset(a.budget) AS l(year int, currency text, required numeric)
           ${rateOn('l.currency', 'make_date(l.year, 1, 1)')}
           ${
             needsOutcome
               ? `LEFT JOIN programming_framework_results output ON output.id = a.framework_output_id
                  LEFT JOIN programming_framework_results outcome ON outcome.framework_id = output.framework_id
                       AND outcome.code = output.parent_code AND outcome.kind = 'OUTCOME'`
               : ''
           }
           WHERE ${where.join(' AND ')}
           GROUP BY 2, 5`;
}

/** A fund's or programme's target, converted at its start date (today when it has none). */
function fundTargets(p: Params, filter: FundingFilter, groupBy?: FundingDimension): string | null {
  // A fund has no country, JP or outcome: looking at one of those, no fund target applies.
  if (filter.country || filter.jointProgrammeId || filter.frameworkOutcomeId) return null;
  if (groupBy && groupBy !== 'FUND' && groupBy !== 'ORGANISATION') return null;
  const where = ['f.target_amount IS NOT NULL'];
  if (filter.fundCode) where.push(`f.code = ${p.add(filter.fundCode)}`);
  if (filter.organisation) where.push(`f.managing_organisation = ${p.add(filter.organisation)}`);
  if (filter.year !== undefined) {
    const year = p.add(filter.year);
    where.push(`${year} BETWEEN extract(year FROM coalesce(f.start_date, now()))
                AND extract(year FROM coalesce(f.end_date, f.start_date, now()))`);
  }
  const key = groupBy === 'FUND' ? 'f.code' : groupBy === 'ORGANISATION' ? 'f.managing_organisation' : 'NULL::text';
  return `SELECT 'required' AS source, ${key} AS key, 'required' AS measure, true AS joint, f.target_currency AS currency,
                 sum(f.target_amount)::text AS amount, sum(${converted('f.target_amount', 'f.target_currency')})::text AS usd,
                 count(*) FILTER (WHERE f.target_currency <> '${REPORTING_CURRENCY}' AND rate.rate IS NULL)::int AS unconverted,
                 0 AS proposals
            FROM funding_funds f
            ${rateOn('f.target_currency', 'coalesce(f.start_date, current_date)')}
           WHERE ${where.join(' AND ')}
           GROUP BY 2, 5`;
}

/** Submitted and shortlisted proposals, converted at their submission date. */
function pipeline(p: Params, filter: FundingFilter): string | null {
  // Proposals are not linked to framework outcomes: looking at one, the pipeline is empty.
  if (filter.frameworkOutcomeId) return null;
  const where = [`pr.status IN ('SUBMITTED', 'SHORTLISTED')`];
  if (filter.country) where.push(`${p.add(filter.country)} = ANY(pr.countries)`);
  if (filter.organisation) where.push(`${p.add(filter.organisation)} = ANY(pr.applicant_organisations)`);
  if (filter.donor) where.push(`pr.donor = ${p.add(filter.donor)}`);
  if (filter.fundCode) where.push(`pr.fund_code = ${p.add(filter.fundCode)}`);
  if (filter.jointProgrammeId) where.push(`pr.joint_programme_id = ${p.add(filter.jointProgrammeId)}`);
  if (filter.year !== undefined) {
    const year = p.add(filter.year);
    where.push(`${year} BETWEEN extract(year FROM pr.start_date) AND extract(year FROM pr.end_date)`);
  }
  return `SELECT 'pipeline' AS source, NULL::text AS key, 'requested' AS measure, false AS joint,
                 pr.requested_currency AS currency, sum(pr.requested_amount)::text AS amount,
                 sum(${converted('pr.requested_amount', 'pr.requested_currency')})::text AS usd,
                 count(*) FILTER (WHERE pr.requested_currency <> '${REPORTING_CURRENCY}' AND rate.rate IS NULL)::int AS unconverted,
                 count(*)::int AS proposals
            FROM funding_proposals pr
            ${rateOn('pr.requested_currency', 'coalesce(pr.submitted_on, pr.start_date)')}
           WHERE ${where.join(' AND ')}
           GROUP BY 5`;
}

const money = (amounts: (string | null)[]) =>
  amounts.reduce((sum: Decimal, a) => (a === null ? sum : sum.plus(a)), new Decimal(0)).toFixed(2);

/** Null keys (money for no country, no JP…) sort last. */
const collator = new Intl.Collator('en', { numeric: true });
const compareKeys = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : collator.compare(a, b);

/** Sums of one group, row by row in one pass: the overview of a country has hundreds of rows. */
class Tally {
  private readonly usd = new Map<string, Decimal>();
  private readonly original = new Map<string, { measure: Measure; currency: string; sum: Decimal }>();
  private unconverted = 0;

  addUsd(measure: Measure, joint: boolean, usd: string | null, unconverted: number): void {
    this.unconverted += unconverted;
    if (usd === null) return;
    for (const id of [measure, `${measure}:${joint}`]) {
      this.usd.set(id, (this.usd.get(id) ?? new Decimal(0)).plus(usd));
    }
  }

  addOriginal(measure: Measure, currency: string, amount: string): void {
    const id = `${measure}:${currency}`;
    const original = this.original.get(id);
    if (original) original.sum = original.sum.plus(amount);
    else this.original.set(id, { measure, currency, sum: new Decimal(amount) });
  }

  figures(requirementKnown: boolean): FundingFigures {
    const usd = (id: string) => (this.usd.get(id) ?? new Decimal(0)).toFixed(2);
    const required = requirementKnown ? usd('required') : null;
    const committed = usd('committed');
    const jointCommitted = usd('committed:true');
    return {
      required,
      pledged: usd('pledged'),
      committed,
      received: usd('received'),
      outgoingCommitted: usd('outgoingCommitted'),
      disbursed: usd('disbursed'),
      spent: usd('spent'),
      gap: required === null ? null : new Decimal(required).minus(committed).toFixed(2),
      jointCommitted,
      singleAgencyCommitted: usd('committed:false'),
      jointShare: new Decimal(committed).isZero()
        ? null
        : new Decimal(jointCommitted).div(committed).times(100).toDecimalPlaces(1).toFixed(1),
      original: [...this.original.values()]
        .map(({ measure, currency, sum }) => ({ measure, currency, amount: sum.toFixed(2) }))
        .sort(
          (a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure) || a.currency.localeCompare(b.currency),
        ),
      unconverted: this.unconverted,
    };
  }
}
