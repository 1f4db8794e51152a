// A bench-local aggregate, projection and command handler, shaped like the platform's counter test
// fixture (which is not built into dist/). Only bench code uses them.
import { Module, type DynamicModule } from '@nestjs/common';
import { CommandHandler, CqrsModule, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, EventRegistry, type Aggregate, type AppendResult, type Projection } from '@concord/eventing';
import type { Actor, Decider, DomainEvent } from '@concord/kernel';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

export const BENCH_STREAM_TYPE = 'BenchCounter';
export const BENCH_CONTEXT = 'bench';
export const BENCH_EVENT_TYPE = 'BenchCounterIncremented';

/** ~200 bytes of payload, so an envelope is ~0.6 KB like a small real event (the bench reports the size). */
export const MEMO = 'Joint programme on social protection floors: '.padEnd(200, 'x');

export type BenchEvent = DomainEvent<typeof BENCH_EVENT_TYPE, { by: number; memo: string }>;
export type BenchCommand = { type: 'Increment'; data: { by: number } };
export type BenchState = { total: number };

export const benchDecider: Decider<BenchCommand, BenchEvent, BenchState> = {
  initialState: { total: 0 },
  decide: (command) => {
    if (command.data.by <= 0) throw new Error('by must be positive');
    return [{ type: BENCH_EVENT_TYPE, data: { by: command.data.by, memo: MEMO } }];
  },
  evolve: (state, event) => ({ total: state.total + event.data.by }),
};

export const benchAggregate: Aggregate<BenchCommand, BenchEvent, BenchState> = {
  streamType: BENCH_STREAM_TYPE,
  decider: benchDecider,
};

export const benchRegistry = () => new EventRegistry([{ streamType: BENCH_STREAM_TYPE, context: BENCH_CONTEXT }]);

export const benchActor: Actor = { id: 'bench', roles: ['platform-admin'], countries: [] };

/** A counter read model: one upsert per event, like the counter projection of the tests. */
export function benchProjection(name: string, table: string): Projection {
  return {
    name,
    tables: [table],
    eventTypes: [BENCH_EVENT_TYPE],
    async apply(event, tx: EntityManager) {
      const { by } = event.data as { by: number };
      await tx.query(
        `INSERT INTO ${table} (id, total, events) VALUES ($1, $2, 1)
         ON CONFLICT (id) DO UPDATE SET total = ${table}.total + $2, events = ${table}.events + 1`,
        [event.streamId, by],
      );
    },
  };
}

export const RAW_TABLE = 'bench_raw_events';
/** Read models: the direct projection, the Kafka-fed one, and the raw-SQL diagnostics. */
export const COUNTER_TABLES = ['bench_counters', 'bench_counters_kafka', 'bench_counters_raw'];

export class BenchTables1799999999000 implements MigrationInterface {
  name = 'BenchTables1799999999000';
  async up(db: QueryRunner): Promise<void> {
    for (const table of COUNTER_TABLES) {
      await db.query(`CREATE TABLE ${table} (id text PRIMARY KEY, total integer NOT NULL, events integer NOT NULL)`);
    }
    // The raw-INSERT baseline writes rows of the same shape, constraints and indexes as `events`.
    await db.query(`
      CREATE TABLE ${RAW_TABLE} (
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
        CONSTRAINT ${RAW_TABLE}_stream_version UNIQUE (stream_id, version)
      )`);
    await db.query(`CREATE INDEX ${RAW_TABLE}_tx_position ON ${RAW_TABLE} (tx_id, position)`);
  }
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ${COUNTER_TABLES.join(', ')}, ${RAW_TABLE}`);
  }
}

/** The command-bus message, as a bounded context's GraphQL resolver would send it. */
export class IncrementBenchCounter {
  constructor(
    readonly streamId: string,
    readonly by: number,
    readonly correlationId: string,
    readonly commandId?: string,
  ) {}
}

@CommandHandler(IncrementBenchCounter)
export class IncrementBenchCounterHandler implements ICommandHandler<IncrementBenchCounter, AppendResult> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ streamId, by, correlationId, commandId }: IncrementBenchCounter): Promise<AppendResult> {
    return this.commands.run(benchAggregate, {
      streamId,
      command: { type: 'Increment', data: { by } },
      actor: benchActor,
      correlationId,
      commandId,
    });
  }
}

/** Nest module with the CQRS command bus and the bench handler, over a given CommandRunner. */
@Module({})
export class BenchCommandModule {
  static forRunner(runner: CommandRunner): DynamicModule {
    return {
      module: BenchCommandModule,
      imports: [CqrsModule.forRoot()],
      providers: [{ provide: CommandRunner, useValue: runner }, IncrementBenchCounterHandler],
    };
  }
}
