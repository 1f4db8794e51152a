import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryFocalPoints1763900006000 implements MigrationInterface {
  name = 'DirectoryFocalPoints1763900006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_focal_points (
        id text PRIMARY KEY,
        person_name text NOT NULL,
        email text NOT NULL,
        phone text,
        organisation text NOT NULL,
        country text NOT NULL,
        role text NOT NULL,
        tags text[] NOT NULL,
        status text NOT NULL,
        left_on date,
        version integer NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // The list order (country, organisation, id) doubles as the country and organisation filter.
    await db.query(`CREATE INDEX directory_focal_points_order ON directory_focal_points (country, organisation, id)`);
    await db.query(`CREATE INDEX directory_focal_points_organisation ON directory_focal_points (organisation)`);
    await db.query(`CREATE INDEX directory_focal_points_tags ON directory_focal_points USING gin (tags)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE directory_focal_points`);
  }
}
