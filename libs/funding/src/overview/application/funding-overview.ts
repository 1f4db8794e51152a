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

interface AmountRow {
  key: string | null;
  measure: Measure;
  joint: boolean;
  currency: string;
  amount: string;
  usd: string | null;
  unconverted: number;
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

  async overview(filter: FundingFilter, groupBy?: FundingDimension): Promise<FundingOverview> {
    const [moneyRows, requiredRows, pipeline] = await Promise.all([
      this.transactions(filter, groupBy),
      this.requirements(filter, groupBy),
      this.pipeline(filter),
    ]);
    const rows = [...moneyRows, ...requiredRows];
    // No requirement is known per donor; a fund's requirement is its target, counted only when looking at funds.
    const requirementKnown = !filter.donor && groupBy !== 'DONOR';
    const keys = groupBy ? [...new Set(rows.map((r) => r.key))].sort(compareKeys) : [];
    return {
      currency: REPORTING_CURRENCY,
      rounding: ROUNDING,
      total: figures(rows, requirementKnown),
      groups: keys.map((key) => ({
        key,
        figures: figures(
          rows.filter((r) => r.key === key),
          requirementKnown,
        ),
      })),
      pipeline,
    };
  }

  private async transactions(filter: FundingFilter, groupBy?: FundingDimension): Promise<AmountRow[]> {
    const p = new Params();
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
    const rows: (Omit<AmountRow, 'measure'> & { type: TransactionType })[] = await this.db.query(
      `SELECT ${key} AS key, t.type, t.joint, t.currency, sum(t.amount)::text AS amount,
              sum(t.amount_usd)::text AS usd, (count(*) - count(t.amount_usd))::int AS unconverted
         FROM funding_transactions t
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY 1, 2, 3, 4`,
      p.values,
    );
    return rows.map(({ type, ...row }) => ({ ...row, measure: MEASURE_OF[type] }));
  }

  /** Activities' required budget by year, converted at 1 January; or the target of the funds looked at. */
  private async requirements(filter: FundingFilter, groupBy?: FundingDimension): Promise<AmountRow[]> {
    if (filter.donor || groupBy === 'DONOR') return [];
    if (filter.fundCode || groupBy === 'FUND') return this.fundTargets(filter, groupBy);
    const p = new Params();
    const where = [`l.required > 0`];
    if (filter.country) where.push(`a.country = ${p.add(filter.country)}`);
    if (filter.organisation) where.push(`a.organisation = ${p.add(filter.organisation)}`);
    if (filter.jointProgrammeId) where.push(`a.joint_programme_id = ${p.add(filter.jointProgrammeId)}`);
    if (filter.frameworkOutcomeId) where.push(`outcome.id = ${p.add(filter.frameworkOutcomeId)}`);
    if (filter.year !== undefined) where.push(`l.year = ${p.add(filter.year)}`);
    const key = groupBy ? ACTIVITY_KEY[groupBy] : 'NULL::text';
    const needsOutcome = filter.frameworkOutcomeId || groupBy === 'FRAMEWORK_OUTCOME';
    return this.db.query(
      `SELECT ${key} AS key, 'required' AS measure, false AS joint, l.currency,
              sum(l.required)::text AS amount, sum(${converted('l.required', 'l.currency')})::text AS usd,
              count(*) FILTER (WHERE l.currency <> '${REPORTING_CURRENCY}' AND rate.rate IS NULL)::int AS unconverted
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
        GROUP BY 1, 4`,
      p.values,
    );
  }

  /** A fund's or programme's target, converted at its start date (today when it has none). */
  private async fundTargets(filter: FundingFilter, groupBy?: FundingDimension): Promise<AmountRow[]> {
    const p = new Params();
    const where = ['f.target_amount IS NOT NULL'];
    if (filter.fundCode) where.push(`f.code = ${p.add(filter.fundCode)}`);
    if (filter.organisation) where.push(`f.managing_organisation = ${p.add(filter.organisation)}`);
    // A fund has no country, JP or outcome: looking at one of those, no fund target applies.
    if (filter.country || filter.jointProgrammeId || filter.frameworkOutcomeId) return [];
    if (filter.year !== undefined) {
      const year = p.add(filter.year);
      where.push(`${year} BETWEEN extract(year FROM coalesce(f.start_date, now()))
                  AND extract(year FROM coalesce(f.end_date, f.start_date, now()))`);
    }
    const key = groupBy === 'FUND' ? 'f.code' : groupBy === 'ORGANISATION' ? 'f.managing_organisation' : 'NULL::text';
    if (groupBy && groupBy !== 'FUND' && groupBy !== 'ORGANISATION') return [];
    return this.db.query(
      `SELECT ${key} AS key, 'required' AS measure, true AS joint, f.target_currency AS currency,
              sum(f.target_amount)::text AS amount, sum(${converted('f.target_amount', 'f.target_currency')})::text AS usd,
              count(*) FILTER (WHERE f.target_currency <> '${REPORTING_CURRENCY}' AND rate.rate IS NULL)::int AS unconverted
         FROM funding_funds f
         ${rateOn('f.target_currency', 'coalesce(f.start_date, current_date)')}
        WHERE ${where.join(' AND ')}
        GROUP BY 1, 4`,
      p.values,
    );
  }

  /** Submitted and shortlisted proposals, converted at their submission date. */
  private async pipeline(filter: FundingFilter): Promise<Pipeline> {
    const p = new Params();
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
    // Proposals are not linked to framework outcomes: looking at one, the pipeline is empty.
    if (filter.frameworkOutcomeId) where.push('false');
    const rows: { currency: string; amount: string; usd: string | null; proposals: number; unconverted: number }[] =
      await this.db.query(
        `SELECT pr.requested_currency AS currency, sum(pr.requested_amount)::text AS amount,
                sum(${converted('pr.requested_amount', 'pr.requested_currency')})::text AS usd, count(*)::int AS proposals,
                count(*) FILTER (WHERE pr.requested_currency <> '${REPORTING_CURRENCY}' AND rate.rate IS NULL)::int AS unconverted
           FROM funding_proposals pr
           ${rateOn('pr.requested_currency', 'coalesce(pr.submitted_on, pr.start_date)')}
          WHERE ${where.join(' AND ')}
          GROUP BY 1`,
        p.values,
      );
    return {
      proposals: rows.reduce((n, r) => n + r.proposals, 0),
      requested: money(rows.map((r) => r.usd)),
      original: rows.map((r) => ({ currency: r.currency, amount: new Decimal(r.amount).toFixed(2) })),
      unconverted: rows.reduce((n, r) => n + r.unconverted, 0),
    };
  }
}

const money = (amounts: (string | null)[]) =>
  amounts.reduce((sum: Decimal, a) => (a === null ? sum : sum.plus(a)), new Decimal(0)).toFixed(2);

/** Null keys (money for no country, no JP…) sort last. */
const compareKeys = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true });

function figures(rows: AmountRow[], requirementKnown: boolean): FundingFigures {
  const usd = (measure: Measure, joint?: boolean) =>
    money(rows.filter((r) => r.measure === measure && (joint === undefined || r.joint === joint)).map((r) => r.usd));
  const required = requirementKnown ? usd('required') : null;
  const committed = usd('committed');
  const jointCommitted = usd('committed', true);
  const original = new Map<string, OriginalAmount>();
  for (const row of rows) {
    const id = `${row.measure}:${row.currency}`;
    const sum = new Decimal(original.get(id)?.amount ?? 0).plus(row.amount).toFixed(2);
    original.set(id, { measure: row.measure, currency: row.currency, amount: sum });
  }
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
    singleAgencyCommitted: usd('committed', false),
    jointShare: new Decimal(committed).isZero()
      ? null
      : new Decimal(jointCommitted).div(committed).times(100).toDecimalPlaces(1).toFixed(1),
    original: [...original.values()].sort(
      (a, b) => MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure) || a.currency.localeCompare(b.currency),
    ),
    unconverted: rows.reduce((n, r) => n + r.unconverted, 0),
  };
}
