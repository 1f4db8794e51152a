import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryCoordinationBodies1763900005000 implements MigrationInterface {
  name = 'DirectoryCoordinationBodies1763900005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_coordination_bodies (
        id text PRIMARY KEY,
        name text NOT NULL,
        names jsonb NOT NULL,
        country text,
        region text,
        kind text NOT NULL,
        cadence text,
        terms_of_reference text,
        terms_of_reference_url text,
        status text NOT NULL,
        dissolved_on date,
        version integer NOT NULL,
        established_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((country IS NULL) <> (region IS NULL))
      )`);
    await db.query(
      `CREATE INDEX directory_coordination_bodies_country ON directory_coordination_bodies (country, kind)`,
    );
    await db.query(`CREATE INDEX directory_coordination_bodies_region ON directory_coordination_bodies (region, kind)`);
    await db.query(`CREATE INDEX directory_coordination_bodies_order ON directory_coordination_bodies (name, id)`);
    await db.query(`
      CREATE TABLE directory_body_members (
        body_id text NOT NULL,
        organisation text NOT NULL,
        is_chair boolean NOT NULL,
        since date NOT NULL,
        PRIMARY KEY (body_id, organisation)
      )`);
    await db.query(`CREATE INDEX directory_body_members_organisation ON directory_body_members (organisation)`);
    // Pairs are unordered, stored once: the decider sorts codes by code unit, which is collation "C".
    await db.query(`
      CREATE TABLE directory_body_interactions (
        body_id text NOT NULL,
        org_a text NOT NULL,
        org_b text NOT NULL,
        level text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (body_id, org_a, org_b),
        CHECK (org_a COLLATE "C" < org_b COLLATE "C")
      )`);
    await db.query(`
      CREATE TABLE directory_body_divisions (
        body_id text NOT NULL,
        seq integer NOT NULL,
        organisations text[] NOT NULL,
        topic text NOT NULL,
        note text,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (body_id, seq)
      )`);
    // The duplication detector asks "did a body record a division of labour between these two?".
    await db.query(
      `CREATE INDEX directory_body_divisions_organisations ON directory_body_divisions USING gin (organisations)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE directory_body_divisions, directory_body_interactions, directory_body_members, directory_coordination_bodies`,
    );
  }
}
