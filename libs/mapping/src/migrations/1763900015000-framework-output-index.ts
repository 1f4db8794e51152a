import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrameworkOutputIndex1763900015000 implements MigrationInterface {
  name = 'FrameworkOutputIndex1763900015000';

  async up(db: QueryRunner): Promise<void> {
    // frameworkAlignment finds a framework's linked activities by output: a few among 100,000.
    await db.query(
      `CREATE INDEX programming_activities_framework_output ON programming_activities (framework_output_id)
        WHERE framework_output_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX programming_activities_framework_output`);
  }
}
