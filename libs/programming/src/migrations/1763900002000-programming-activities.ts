import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammingActivities1763900002000 implements MigrationInterface {
  name = 'ProgrammingActivities1763900002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programming_activities (
        id text PRIMARY KEY,
        title text NOT NULL,
        titles jsonb NOT NULL,
        descriptions jsonb NOT NULL,
        language text NOT NULL,
        organisation text NOT NULL,
        partners jsonb NOT NULL,
        partner_organisations text[] NOT NULL,
        country text NOT NULL,
        areas text[] NOT NULL,
        policy_areas text[] NOT NULL,
        guarantees text[] NOT NULL,
        stages text[] NOT NULL,
        functions text[] NOT NULL,
        target_groups text[] NOT NULL,
        counterparts text[] NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        budget jsonb NOT NULL,
        budget_currency text,
        budget_required numeric(18, 2),
        budget_available numeric(18, 2),
        budget_spent numeric(18, 2),
        funding_sources text[] NOT NULL,
        joint_programme_id text,
        framework_output_id text,
        sdg_targets text[] NOT NULL,
        gender_marker smallint,
        human_rights_marker smallint,
        external_ids jsonb NOT NULL,
        source text NOT NULL,
        version integer NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Every list is ordered by (start_date, id); the country index leads the usual filter.
    await db.query(`CREATE INDEX programming_activities_order ON programming_activities (start_date, id)`);
    await db.query(
      `CREATE INDEX programming_activities_country ON programming_activities (country, status, start_date, id)`,
    );
    await db.query(`CREATE INDEX programming_activities_organisation ON programming_activities (organisation)`);
    await db.query(
      `CREATE INDEX programming_activities_jp ON programming_activities (joint_programme_id) WHERE joint_programme_id IS NOT NULL`,
    );
    for (const column of [
      'policy_areas',
      'guarantees',
      'stages',
      'functions',
      'target_groups',
      'partner_organisations',
    ]) {
      await db.query(`CREATE INDEX programming_activities_${column} ON programming_activities USING gin (${column})`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE programming_activities`);
  }
}
