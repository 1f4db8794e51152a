import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FundingContributions1763900009000 implements MigrationInterface {
  name = 'FundingContributions1763900009000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funding_exchange_rates (
        currency text NOT NULL,
        on_date date NOT NULL,
        rate numeric NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (currency, on_date)
      )`);
    await db.query(`
      CREATE TABLE funding_contributions (
        id text PRIMARY KEY,
        title text NOT NULL,
        donor text NOT NULL,
        recipient_kind text NOT NULL,
        recipient_ref text NOT NULL,
        organisation text,
        joint_programme_id text,
        fund_code text,
        currency text NOT NULL,
        earmarking text NOT NULL,
        modality text NOT NULL,
        country text,
        framework_outcome_id text,
        joint boolean NOT NULL,
        overspent_by numeric,
        version integer NOT NULL,
        recorded_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX funding_contributions_country ON funding_contributions (country, id)`);
    await db.query(`CREATE INDEX funding_contributions_donor ON funding_contributions (donor)`);
    // One row per transaction, with the contribution's dimensions copied in so the funding
    // overview is one scan of one table; amount_usd is null until a rate for its date is known.
    await db.query(`
      CREATE TABLE funding_transactions (
        contribution_id text NOT NULL,
        number integer NOT NULL,
        type text NOT NULL,
        amount numeric NOT NULL,
        currency text NOT NULL,
        value_date date NOT NULL,
        year integer NOT NULL,
        reference text,
        over_disbursement jsonb,
        donor text NOT NULL,
        organisation text,
        joint_programme_id text,
        fund_code text,
        country text,
        framework_outcome_id text,
        earmarking text NOT NULL,
        modality text NOT NULL,
        joint boolean NOT NULL,
        amount_usd numeric,
        rate numeric,
        rate_date date,
        rate_source text,
        PRIMARY KEY (contribution_id, number)
      )`);
    // The overview by country and year reads this index alone (ADR 0009).
    await db.query(
      `CREATE INDEX funding_transactions_country_year ON funding_transactions (country, year)
         INCLUDE (type, joint, currency, amount, amount_usd)`,
    );
    await db.query(`CREATE INDEX funding_transactions_currency_date ON funding_transactions (currency, value_date)`);
    await db.query(`CREATE INDEX funding_transactions_donor ON funding_transactions (donor, year)`);
    await db.query(`CREATE INDEX funding_transactions_organisation ON funding_transactions (organisation, year)`);
    await db.query(`CREATE INDEX funding_transactions_jp ON funding_transactions (joint_programme_id)`);
    await db.query(`CREATE INDEX funding_transactions_fund ON funding_transactions (fund_code)`);
    await db.query(`CREATE INDEX funding_transactions_outcome ON funding_transactions (framework_outcome_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funding_transactions`);
    await db.query(`DROP TABLE funding_contributions`);
    await db.query(`DROP TABLE funding_exchange_rates`);
  }
}
