import { ConcordError } from '@concord/kernel';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FundFacts } from '../domain/call.commands';

/**
 * Reads, for announcing a call, the fund it belongs to: whether it is active, who manages it and
 * its windows. The rules span two aggregates, so the handler looks the fund up in the funds' read
 * model and the decider checks them. The read model may lag the fund's stream by a moment: a fund
 * established a moment ago is not found yet (retry), and a fund closed or revised a moment ago
 * still shows its previous state, so an announcement racing the closing can still go through.
 */
@Injectable()
export class FundDirectory {
  constructor(private readonly db: DataSource) {}

  /** The fund's facts; NOT_FOUND naming `fundId` when there is no such fund. */
  async factsOf(fundId: string): Promise<FundFacts> {
    const [row] = await this.db.query(
      `SELECT id, code, status, managing_organisation, windows FROM funding_funds WHERE id = $1`,
      [fundId],
    );
    if (!row) {
      throw new ConcordError('NOT_FOUND', 'FUND_NOT_FOUND', `No fund ${fundId}`, [
        { path: 'fundId', value: fundId, message: 'no such fund' },
      ]);
    }
    const windows = (row.windows as { code: string }[]).map((window) => window.code);
    return { id: row.id, code: row.code, status: row.status, managingOrganisation: row.managing_organisation, windows };
  }
}
