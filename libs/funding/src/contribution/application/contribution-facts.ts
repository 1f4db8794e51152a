import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContributionCommand, KnownRecipient } from '../domain/contribution.commands';

type Record = Extract<ContributionCommand, { type: 'RecordContribution' }>['data'];

/**
 * Facts about other aggregates a new contribution needs, read from their read models: the
 * recipient joint programme or fund, and whether the framework outcome exists. They may lag a
 * programme or fund created a moment ago; that delays a contribution, it never admits a wrong one.
 */
@Injectable()
export class ContributionFacts {
  constructor(private readonly db: DataSource) {}

  async enrich(data: Record): Promise<Record> {
    const [known, outcomeFound] = await Promise.all([
      this.recipient(data.recipient),
      data.frameworkOutcomeId ? this.outcomeExists(data.frameworkOutcomeId) : Promise.resolve(undefined),
    ]);
    return { ...data, known, outcomeFound };
  }

  private async recipient({ kind, ref }: Record['recipient']): Promise<KnownRecipient | undefined> {
    if (kind === 'JOINT_PROGRAMME') {
      const [row] = await this.db.query(
        `SELECT lead_organisation AS organisation, countries FROM programming_joint_programmes WHERE id = $1`,
        [ref],
      );
      return row;
    }
    if (kind === 'FUND') {
      const [row] = await this.db.query(
        `SELECT managing_organisation AS organisation, ARRAY[]::text[] AS countries FROM funding_funds WHERE code = $1`,
        [ref],
      );
      return row;
    }
    return undefined;
  }

  private async outcomeExists(id: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM programming_framework_results WHERE id = $1 AND kind = 'OUTCOME'`, [
      id,
    ]);
    return rows.length > 0;
  }
}
