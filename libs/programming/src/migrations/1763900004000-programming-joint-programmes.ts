import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammingJointProgrammes1763900004000 implements MigrationInterface {
  name = 'ProgrammingJointProgrammes1763900004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programming_joint_programmes (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        countries text[] NOT NULL,
        lead_organisation text,
        status text NOT NULL,
        status_reason text,
        start_date date,
        end_date date,
        policy_areas text[] NOT NULL,
        target_groups text[] NOT NULL,
        sdg_targets text[] NOT NULL,
        gender_marker smallint,
        counterparts text[] NOT NULL,
        funding_sources text[] NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX programming_jps_countries ON programming_joint_programmes USING gin (countries)`);
    await db.query(
      `CREATE INDEX programming_jps_policy_areas ON programming_joint_programmes USING gin (policy_areas)`,
    );
    await db.query(`CREATE INDEX programming_jps_status ON programming_joint_programmes (status, code)`);
    await db.query(`
      CREATE TABLE programming_jp_participants (
        jp_id text NOT NULL,
        organisation text NOT NULL,
        role text NOT NULL,
        budget_share numeric(7, 4),
        position integer NOT NULL,
        PRIMARY KEY (jp_id, organisation)
      )`);
    await db.query(
      `CREATE INDEX programming_jp_participants_organisation ON programming_jp_participants (organisation)`,
    );
    await db.query(`
      CREATE TABLE programming_jp_result_links (
        jp_id text NOT NULL,
        result_id text NOT NULL,
        kind text NOT NULL,
        linked_at timestamptz NOT NULL,
        PRIMARY KEY (jp_id, result_id)
      )`);
    await db.query(`CREATE INDEX programming_jp_result_links_result ON programming_jp_result_links (result_id)`);
    await db.query(`
      CREATE TABLE programming_jp_reports (
        jp_id text NOT NULL,
        period text NOT NULL,
        actuals jsonb NOT NULL,
        expenditure jsonb NOT NULL,
        narrative jsonb NOT NULL,
        revision integer NOT NULL,
        reported_at timestamptz NOT NULL,
        revised_at timestamptz NOT NULL,
        PRIMARY KEY (jp_id, period)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE programming_jp_reports, programming_jp_result_links, programming_jp_participants, programming_joint_programmes`,
    );
  }
}
