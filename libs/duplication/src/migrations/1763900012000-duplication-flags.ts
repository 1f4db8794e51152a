import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DuplicationFlags1763900012000 implements MigrationInterface {
  name = 'DuplicationFlags1763900012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE duplication_flags (
        id text PRIMARY KEY,
        kind text NOT NULL,
        status text NOT NULL,
        score numeric NOT NULL,
        subjects jsonb NOT NULL,
        subject_ids text[] NOT NULL,
        country text NOT NULL,
        organisations text[] NOT NULL,
        contributions jsonb NOT NULL,
        fingerprint text NOT NULL,
        decision text,
        decision_reason text,
        decided_by text,
        comments jsonb NOT NULL,
        version integer NOT NULL,
        raised_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX duplication_flags_country ON duplication_flags (country, status, score DESC, id)`);
    await db.query(`CREATE INDEX duplication_flags_subjects ON duplication_flags USING gin (subject_ids)`);
    await db.query(`CREATE INDEX duplication_flags_organisations ON duplication_flags USING gin (organisations)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE duplication_flags`);
  }
}
