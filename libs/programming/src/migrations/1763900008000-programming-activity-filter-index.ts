import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index serves the usual activity list: a country, any of the other filters, in list order.
 * The filtered columns ride along (INCLUDE), so the count and the page's ids are answered from the
 * index alone (an index-only scan), whoever asks; it replaces the two (country, status, …) indexes,
 * which could not give list order for a country without a status.
 */
export class ProgrammingActivityFilterIndex1763900008000 implements MigrationInterface {
  name = 'ProgrammingActivityFilterIndex1763900008000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX programming_activities_published_country`);
    await db.query(`DROP INDEX programming_activities_country`);
    await db.query(
      `CREATE INDEX programming_activities_country ON programming_activities (country, start_date, id)
         INCLUDE (published, status, organisation, end_date, policy_areas, guarantees, target_groups)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX programming_activities_country`);
    await db.query(
      `CREATE INDEX programming_activities_country ON programming_activities (country, status, start_date, id)`,
    );
    await db.query(
      `CREATE INDEX programming_activities_published_country ON programming_activities (country, status, start_date, id) WHERE published`,
    );
  }
}
