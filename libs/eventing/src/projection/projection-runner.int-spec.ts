import { newId } from '@concord/kernel';
import { createTestDatabase, type TestDatabase } from '@concord/test-support';
import { CommandRunner } from '../command/command-runner';
import type { EventEnvelope } from '../envelope';
import { EventStore1763900000000 } from '../migrations/1763900000000-event-store';
import { EventStore } from '../store/event-store';
import {
  counterAggregate,
  counterProjection,
  counterRegistry,
  POISON,
  TestCounters1763999999000,
  testActor,
} from '../testing/counter.fixture';
import { rebuildProjection, tableHash } from './projection-rebuild';
import { ProjectionRunner } from './projection-runner';

describe('Projection runner (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let runner: CommandRunner;
  const parked: { groupId: string; event: EventEnvelope; error: string }[] = [];
  const registry = counterRegistry();

  beforeAll(async () => {
    db = await createTestDatabase({ entities: [], migrations: [EventStore1763900000000, TestCounters1763999999000] });
    store = new EventStore(db.dataSource, registry);
    runner = new CommandRunner(store);
  });
  afterAll(() => db.close());

  const projections = () =>
    new ProjectionRunner(
      db.dataSource,
      { deadLetter: async (groupId, event, error) => void parked.push({ groupId, event, error }) },
      'test-group',
      [counterProjection],
      { maxAttempts: 3, backoffMs: 10 },
    );
  const incrementAll = async (streamId: string, amounts: number[]) => {
    for (const by of amounts) {
      await runner.run(counterAggregate, {
        streamId,
        command: { type: 'Increment', data: { by } },
        actor: testActor,
        correlationId: 'c',
      });
    }
    return store.readStream(streamId);
  };
  const counter = async (id: string) =>
    (await db.dataSource.query(`SELECT total, events FROM test_counters WHERE id = $1`, [id]))[0];

  it('applies each event once even when batches are delivered twice or overlap', async () => {
    const id = newId();
    const events = await incrementAll(id, [1, 2, 3]);
    const p = projections();
    await p.handle(events.slice(0, 2));
    await p.handle(events.slice(0, 2)); // duplicate delivery
    await p.handle(events); // overlapping redelivery
    expect(await counter(id)).toEqual({ total: 6, events: 3 });
  });

  it('parks a poison event after its retries, in the table and on the log, and goes on with the rest', async () => {
    const id = newId();
    const events = await incrementAll(id, [1, POISON, 5]);
    await projections().handle(events);
    expect(await counter(id)).toEqual({ total: 6, events: 2 });
    const [dead] = await db.dataSource.query(
      `SELECT consumer, stream_id, version, error, attempts FROM dead_letters WHERE stream_id = $1`,
      [id],
    );
    expect(dead).toEqual({
      consumer: 'test.counters',
      stream_id: id,
      version: 2,
      error: 'poison increment',
      attempts: 3,
    });
    expect(parked.map((p) => p.event.eventId)).toContain(events[1].eventId);
    // Redelivered later, the parked event is not retried forever and nothing is applied twice.
    await projections().handle(events);
    expect(await counter(id)).toEqual({ total: 6, events: 2 });
  });

  it('rebuilds the read model by replay into exactly the same table', async () => {
    const id = newId();
    const p = projections();
    await p.handle(await incrementAll(id, [4, 4, 4]));
    await p.handle(await incrementAll(newId(), [9]));
    // Everything so far has been applied live, the parked poison event included (skipped).
    const live = await tableHash(db.dataSource, 'test_counters');

    await db.dataSource.query(`DELETE FROM test_counters`); // a lost read model…
    expect(await tableHash(db.dataSource, 'test_counters')).not.toBe(live);
    const replayed = await rebuildProjection(db.dataSource, registry, counterProjection);
    expect(replayed).toBeGreaterThan(0);
    expect(await tableHash(db.dataSource, 'test_counters')).toBe(live); // …and get it back by replay
  });

  it('rebuilds after a live batch that was mid-transaction when the rebuild began, keeping its writes', async () => {
    const id = newId();
    const events = await incrementAll(id, [2, 3]);
    const live = db.dataSource.createQueryRunner();
    await live.connect();
    await live.startTransaction();
    await projections().apply(live.manager, [counterProjection], events); // holds the shared lock

    const rebuilt = rebuildProjection(db.dataSource, registry, counterProjection);
    await waitUntilRebuildWaitsForTheLock();
    await live.commitTransaction();
    await live.release();

    await expect(rebuilt).resolves.toBeGreaterThan(0);
    expect(await counter(id)).toEqual({ total: 5, events: 2 });
    // The live consumer redelivering that batch after the rebuild changes nothing.
    await projections().handle(events);
    expect(await counter(id)).toEqual({ total: 5, events: 2 });
  });

  const waitUntilRebuildWaitsForTheLock = async () => {
    for (;;) {
      const [{ waiting }] = await db.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      );
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
});
