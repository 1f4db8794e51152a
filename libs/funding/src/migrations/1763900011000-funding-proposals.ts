import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The proposals read model. `funding_calls` belongs to the calls' migration, not this one. */
export class FundingProposals1763900011000 implements MigrationInterface {
  name = 'FundingProposals1763900011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE funding_proposals (
        id text PRIMARY KEY,
        title text NOT NULL,
        applicants jsonb NOT NULL,
        applicant_organisations text[] NOT NULL,
        lead_organisation text NOT NULL,
        call_id text,
        fund_code text,
        donor text,
        countries text[] NOT NULL,
        policy_areas text[] NOT NULL,
        guarantees text[] NOT NULL,
        requested_amount numeric NOT NULL,
        requested_currency text NOT NULL,
        co_funding_amount numeric,
        co_funding_currency text,
        funded_amount numeric,
        funded_currency text,
        joint_programme_id text,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        status_reason text,
        submitted_on date,
        shortlisted_on date,
        decided_on date,
        withdrawn_on date,
        version integer NOT NULL,
        drafted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Array filters and the competing-proposals self-join (&&) use the GIN indexes.
    for (const column of ['countries', 'policy_areas', 'guarantees', 'applicant_organisations']) {
      await db.query(`CREATE INDEX funding_proposals_${column} ON funding_proposals USING gin (${column})`);
    }
    // Call summaries and the calls' applications; a donor's proposals likewise.
    await db.query(`CREATE INDEX funding_proposals_call ON funding_proposals (call_id, status)`);
    await db.query(`CREATE INDEX funding_proposals_donor ON funding_proposals (donor, status)`);
    // The list order.
    await db.query(`CREATE INDEX funding_proposals_order ON funding_proposals (drafted_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE funding_proposals`);
  }
}
