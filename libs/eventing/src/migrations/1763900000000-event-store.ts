import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventStore1763900000000 implements MigrationInterface {
  name = 'EventStore1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_type text NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        type text NOT NULL,
        schema_version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      )`);
    await db.query(`CREATE INDEX events_tx_position ON events (tx_id, position)`);
    await db.query(`
      CREATE TABLE processed_commands (
        command_id text CONSTRAINT processed_commands_pkey PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL,
        event_ids uuid[] NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE unique_keys (
        scope text NOT NULL,
        key text NOT NULL,
        stream_id text NOT NULL,
        CONSTRAINT unique_keys_pkey PRIMARY KEY (scope, key)
      )`);
    await db.query(`
      CREATE TABLE event_log_checkpoints (
        name text PRIMARY KEY,
        tx_id xid8 NOT NULL,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE projection_checkpoints (
        projection text NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (projection, stream_id)
      )`);
    await db.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        envelope jsonb NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (consumer, event_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE dead_letters, projection_checkpoints, event_log_checkpoints, unique_keys, processed_commands, events`,
    );
  }
}
