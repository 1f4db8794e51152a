import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryOrganisations1763900001000 implements MigrationInterface {
  name = 'DirectoryOrganisations1763900001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_organisations (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        names jsonb NOT NULL,
        type text NOT NULL,
        iati_org_id text,
        parent_id text,
        version integer NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX directory_organisations_type ON directory_organisations (type, code)`);
    await db.query(`
      CREATE TABLE directory_mandates (
        organisation_id text NOT NULL,
        area_kind text NOT NULL,
        area_code text NOT NULL,
        level text NOT NULL,
        PRIMARY KEY (organisation_id, area_kind, area_code)
      )`);
    await db.query(`CREATE INDEX directory_mandates_area ON directory_mandates (area_kind, area_code)`);
    await db.query(`
      CREATE TABLE directory_presences (
        organisation_id text NOT NULL,
        country text NOT NULL,
        residency text NOT NULL,
        office text,
        established_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, country)
      )`);
    await db.query(`CREATE INDEX directory_presences_country ON directory_presences (country)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE directory_presences, directory_mandates, directory_organisations`);
  }
}
