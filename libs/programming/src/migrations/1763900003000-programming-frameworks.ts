import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammingFrameworks1763900003000 implements MigrationInterface {
  name = 'ProgrammingFrameworks1763900003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE programming_frameworks (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        countries text[] NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX programming_frameworks_countries ON programming_frameworks USING gin (countries)`);
    await db.query(`
      CREATE TABLE programming_framework_results (
        id text PRIMARY KEY,
        framework_id text NOT NULL,
        framework_code text NOT NULL,
        kind text NOT NULL,
        code text NOT NULL,
        parent_code text,
        title text NOT NULL,
        countries text[] NOT NULL,
        sdg_targets text[] NOT NULL,
        indicators jsonb NOT NULL,
        position integer NOT NULL,
        UNIQUE (framework_id, code)
      )`);
    await db.query(
      `CREATE INDEX programming_framework_results_countries ON programming_framework_results USING gin (countries)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE programming_framework_results, programming_frameworks`);
  }
}
