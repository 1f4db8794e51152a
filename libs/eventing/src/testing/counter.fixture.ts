import { ConcordError, type Actor, type Decider, type DomainEvent } from '@concord/kernel';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { Aggregate } from '../command/command-runner';
import type { EventEnvelope } from '../envelope';
import { EventRegistry } from '../event-registry';
import type { Projection } from '../projection/projection';

/** A minimal aggregate and projection for testing the platform without any bounded context. */
export type CounterEvent = DomainEvent<'CounterIncremented', { by: number }>;
export type CounterCommand = { type: 'Increment'; data: { by: number } };
export type CounterState = { total: number };

export const counterDecider: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: { total: 0 },
  decide: (command) => {
    if (command.data.by <= 0)
      throw ConcordError.badInput('NOT_POSITIVE', { path: 'by', value: command.data.by, message: 'must be positive' });
    return [{ type: 'CounterIncremented', data: { by: command.data.by } }];
  },
  evolve: (state, event) => ({ total: state.total + event.data.by }),
};

export const counterAggregate: Aggregate<CounterCommand, CounterEvent, CounterState> = {
  streamType: 'Counter',
  decider: counterDecider,
};

export const counterRegistry = () => new EventRegistry([{ streamType: 'Counter', context: 'counters' }]);

/** Increments by 13 are poison: the projection always fails on them. */
export const POISON = 13;

export const counterProjection: Projection = {
  name: 'test.counters',
  tables: ['test_counters'],
  eventTypes: ['CounterIncremented'],
  async apply(event: EventEnvelope, tx: EntityManager) {
    const { by } = event.data as { by: number };
    if (by === POISON) throw new Error('poison increment');
    await tx.query(
      `INSERT INTO test_counters (id, total, events) VALUES ($1, $2, 1)
       ON CONFLICT (id) DO UPDATE SET total = test_counters.total + $2, events = test_counters.events + 1`,
      [event.streamId, by],
    );
  },
};

export class TestCounters1763999999000 implements MigrationInterface {
  name = 'TestCounters1763999999000';
  async up(db: QueryRunner) {
    await db.query(`CREATE TABLE test_counters (id text PRIMARY KEY, total integer NOT NULL, events integer NOT NULL)`);
  }
  async down(db: QueryRunner) {
    await db.query(`DROP TABLE test_counters`);
  }
}

export const testActor: Actor = { id: 'tester', roles: ['platform-admin'], countries: [] };
