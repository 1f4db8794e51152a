import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether anonymous callers see an activity or joint programme (ADR 0007). Rows that exist when
 * this runs are unpublished, as a rebuild from their events (which hold no publication) gives.
 */
export class ProgrammingPublication1763900007000 implements MigrationInterface {
  name = 'ProgrammingPublication1763900007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE programming_activities ADD COLUMN published boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE programming_joint_programmes ADD COLUMN published boolean NOT NULL DEFAULT false`);
    // Anonymous lists read only published rows, in the order every list uses.
    await db.query(
      `CREATE INDEX programming_activities_published ON programming_activities (start_date, id) WHERE published`,
    );
    await db.query(
      `CREATE INDEX programming_activities_published_country ON programming_activities (country, status, start_date, id) WHERE published`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX programming_activities_published_country`);
    await db.query(`DROP INDEX programming_activities_published`);
    await db.query(`ALTER TABLE programming_joint_programmes DROP COLUMN published`);
    await db.query(`ALTER TABLE programming_activities DROP COLUMN published`);
  }
}
