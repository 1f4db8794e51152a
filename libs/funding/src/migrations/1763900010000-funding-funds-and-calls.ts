import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models of funds (`funding.funds`) and their calls (`funding.calls`). */
export class FundingFundsAndCalls1763900010000 implements MigrationInterface {
  name = 'FundingFundsAndCalls1763900010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funding_funds (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        managing_organisation text NOT NULL,
        contributors text[] NOT NULL,
        windows jsonb NOT NULL,
        target_amount numeric,
        target_currency text,
        start_date date,
        end_date date,
        status text NOT NULL,
        closed_on date,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Funds are listed by code (the unique index); these serve the filters.
    await db.query(`CREATE INDEX funding_funds_managing_organisation ON funding_funds (managing_organisation)`);
    await db.query(`CREATE INDEX funding_funds_kind ON funding_funds (kind)`);

    await db.query(`
      CREATE TABLE funding_calls (
        id text PRIMARY KEY,
        fund_id text NOT NULL,
        fund_code text NOT NULL,
        title text NOT NULL,
        "window" text,
        theme text NOT NULL,
        envelope_amount numeric,
        envelope_currency text,
        opens_on date NOT NULL,
        closes_on date NOT NULL,
        eligibility jsonb NOT NULL,
        status text NOT NULL,
        closed_on date,
        cancel_reason text,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // The list order (opens_on, id) doubles as the "open on a date" filter's range scan.
    await db.query(`CREATE INDEX funding_calls_order ON funding_calls (opens_on, id)`);
    await db.query(`CREATE INDEX funding_calls_fund_code ON funding_calls (fund_code, opens_on, id)`);
    await db.query(`CREATE INDEX funding_calls_fund_id ON funding_calls (fund_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funding_calls`);
    await db.query(`DROP TABLE funding_funds`);
  }
}
