import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallFacts } from '../domain/proposal.commands';

/**
 * Reads calls and funds for the proposal rules that span aggregates (a call's status, window and
 * eligibility; who manages its fund). Plain SQL over the calls' and funds' read models, so the
 * proposal code depends on their tables, not on their code. The read models may lag a call
 * announced a moment ago; that only delays a proposal, it never lets a wrong one through.
 */
@Injectable()
export class CallFactsReader {
  constructor(private readonly db: DataSource) {}

  /** The call as the decider needs it, or null when there is no call with this id. */
  async call(callId: string): Promise<CallFacts | null> {
    const [row] = await this.db.query(
      `SELECT id, fund_code, status, to_char(opens_on, 'YYYY-MM-DD') AS opens_on,
              to_char(closes_on, 'YYYY-MM-DD') AS closes_on, eligibility
         FROM funding_calls WHERE id = $1`,
      [callId],
    );
    if (!row) return null;
    const eligibility = row.eligibility ?? {};
    return {
      id: row.id,
      fundCode: row.fund_code,
      status: row.status,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      jointOnly: eligibility.jointOnly === true,
      countries: Array.isArray(eligibility.countries) ? eligibility.countries : [],
    };
  }

  /** Directory code of the organisation managing the fund, or null when the fund is unknown. */
  async fundManager(fundCode: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT managing_organisation FROM funding_funds WHERE code = $1`, [fundCode]);
    return row?.managing_organisation ?? null;
  }
}
