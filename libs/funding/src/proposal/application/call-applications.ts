import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sumAmounts, type Money } from '../../money/money';

/** What a call received and awarded, from the proposals that answer it. Amounts are per currency. */
export interface CallApplicationsSummary {
  callId: string;
  /** Proposals ever submitted to the call, including those withdrawn after submission. */
  applications: number;
  funded: number;
  rejected: number;
  /** Distinct countries of the funded proposals, alphabetically. */
  countriesFunded: string[];
  /** Sum of the funded amounts, one entry per currency, by currency code. */
  fundedAmount: Money[];
  /** Sum of the co-funding the funded proposals stated, per currency. */
  coFunding: Money[];
  /** Funded amounts plus co-funding, added up where the currency is the same. */
  total: Money[];
}

/** Per-currency sums added together: one entry per currency, by currency code. */
export function addByCurrency(...lists: readonly Money[][]): Money[] {
  const byCurrency = new Map<string, string[]>();
  for (const { amount, currency } of lists.flat())
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), amount]);
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amounts]) => ({ currency, amount: sumAmounts(amounts) }));
}

/** The summary of a call no proposal answers. */
export const emptySummary = (callId: string): CallApplicationsSummary => ({
  callId,
  applications: 0,
  funded: 0,
  rejected: 0,
  countriesFunded: [],
  fundedAmount: [],
  coFunding: [],
  total: [],
});

interface SummaryRow {
  call_id: string;
  applications: number;
  funded: number;
  rejected: number;
  countries_funded: string[];
  funded_amount: Money[];
  co_funding: Money[];
}

/** Counts, funded countries and per-currency sums of many calls at once; numeric::text keeps every digit. */
const SUMMARIES = `
  WITH p AS (SELECT * FROM funding_proposals WHERE call_id = ANY($1))
  SELECT s.call_id,
         count(*) FILTER (WHERE s.submitted_on IS NOT NULL)::int AS applications,
         count(*) FILTER (WHERE s.status = 'FUNDED')::int AS funded,
         count(*) FILTER (WHERE s.status = 'REJECTED')::int AS rejected,
         ARRAY(SELECT DISTINCT c FROM p, unnest(p.countries) AS c
                WHERE p.call_id = s.call_id AND p.status = 'FUNDED' ORDER BY c) AS countries_funded,
         coalesce((SELECT jsonb_agg(jsonb_build_object('currency', currency, 'amount', amount) ORDER BY currency)
                     FROM (SELECT funded_currency AS currency, sum(funded_amount)::text AS amount FROM p
                            WHERE p.call_id = s.call_id AND p.status = 'FUNDED' GROUP BY funded_currency) f),
                  '[]'::jsonb) AS funded_amount,
         coalesce((SELECT jsonb_agg(jsonb_build_object('currency', currency, 'amount', amount) ORDER BY currency)
                     FROM (SELECT co_funding_currency AS currency, sum(co_funding_amount)::text AS amount FROM p
                            WHERE p.call_id = s.call_id AND p.status = 'FUNDED' AND co_funding_amount IS NOT NULL
                            GROUP BY co_funding_currency) f),
                  '[]'::jsonb) AS co_funding
    FROM p s
   GROUP BY s.call_id`;

/**
 * Summaries of the applications to calls, for the Call type (through a DataLoader: one query per
 * batch of calls) and the callApplications query.
 */
@Injectable()
export class CallApplications {
  constructor(private readonly db: DataSource) {}

  /** One summary per call id, in the order asked; a call without proposals gets zeros. */
  async summaries(callIds: readonly string[]): Promise<CallApplicationsSummary[]> {
    if (!callIds.length) return [];
    const rows: SummaryRow[] = await this.db.query(SUMMARIES, [[...new Set(callIds)]]);
    return callIds.map((callId) => {
      const row = rows.find((r) => r.call_id === callId);
      if (!row) return emptySummary(callId);
      const fundedAmount = addByCurrency(row.funded_amount);
      const coFunding = addByCurrency(row.co_funding);
      return {
        callId,
        applications: row.applications,
        funded: row.funded,
        rejected: row.rejected,
        countriesFunded: row.countries_funded,
        fundedAmount,
        coFunding,
        total: addByCurrency(fundedAmount, coFunding),
      };
    });
  }
}
