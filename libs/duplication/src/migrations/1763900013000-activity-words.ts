import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityWords1763900013000 implements MigrationInterface {
  name = 'ActivityWords1763900013000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE duplication_activity_words (
        activity_id text PRIMARY KEY,
        title_words text[] NOT NULL,
        description_words text[] NOT NULL
      )`);
    await db.query(`CREATE TABLE duplication_word_frequencies (word text PRIMARY KEY, activities integer NOT NULL)`);
    // How many activities the counts are over: one row, so a check does not count 100,000 rows.
    await db.query(
      `CREATE TABLE duplication_word_corpus (single boolean PRIMARY KEY CHECK (single), activities integer NOT NULL)`,
    );
    // The incremental check reads a country's blocking columns (activity-profiles.ts, blockingRows):
    // from the index alone, not from 100,000 wide rows.
    await db.query(
      `CREATE INDEX programming_activities_blocking ON programming_activities (country, start_date)
         INCLUDE (id, end_date, functions, guarantees, policy_areas, areas)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX programming_activities_blocking`);
    await db.query(`DROP TABLE duplication_word_corpus`);
    await db.query(`DROP TABLE duplication_word_frequencies`);
    await db.query(`DROP TABLE duplication_activity_words`);
  }
}
