import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityDocuments1763900014000 implements MigrationInterface {
  name = 'ActivityDocuments1763900014000';

  async up(db: QueryRunner): Promise<void> {
    // Titles and descriptions are kept so a revision of one can rebuild the document with the other.
    await db.query(`
      CREATE TABLE mapping_activity_documents (
        activity_id text PRIMARY KEY,
        titles jsonb NOT NULL,
        descriptions jsonb NOT NULL,
        document tsvector NOT NULL
      )`);
    await db.query(`CREATE INDEX mapping_activity_documents_search ON mapping_activity_documents USING gin (document)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mapping_activity_documents`);
  }
}
