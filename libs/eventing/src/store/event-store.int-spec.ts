import { ConcordError, newId } from '@concord/kernel';
import { createTestDatabase, type TestDatabase } from '@concord/test-support';
import { CommandRunner } from '../command/command-runner';
import { EventRegistry } from '../event-registry';
import { EventStore1763900000000 } from '../migrations/1763900000000-event-store';
import { counterAggregate, testActor } from '../testing/counter.fixture';
import { EventStore } from './event-store';

describe('Event store (real Postgres)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let runner: CommandRunner;
  const fixedNow = new Date('2026-03-01T12:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase({ entities: [], migrations: [EventStore1763900000000] });
    store = new EventStore(db.dataSource, new EventRegistry([{ streamType: 'Counter', context: 'counters' }]));
    runner = new CommandRunner(store, { now: () => fixedNow });
  });
  afterAll(() => db.close());

  const increment = (streamId: string, by: number, extra: Record<string, unknown> = {}) =>
    runner.run(counterAggregate, {
      streamId,
      command: { type: 'Increment', data: { by } },
      actor: testActor,
      correlationId: 'corr-1',
      ...extra,
    });

  it('stores the full envelope: ids, versions, time, actor, correlation and causation', async () => {
    const id = newId();
    await increment(id, 2, { commandId: 'cmd-envelope-1' });
    const [event] = await store.readStream(id);
    expect(event).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'CounterIncremented',
      schemaVersion: 1,
      streamType: 'Counter',
      streamId: id,
      version: 1,
      occurredAt: fixedNow.toISOString(),
      data: { by: 2 },
      metadata: {
        actor: testActor,
        commandId: 'cmd-envelope-1',
        correlationId: 'corr-1',
        causationId: 'cmd-envelope-1',
      },
      position: expect.stringMatching(/^\d+$/),
    });
  });

  it('numbers versions from 1 per stream', async () => {
    const id = newId();
    await increment(id, 1);
    await increment(id, 1);
    const result = await increment(id, 1);
    expect(result.version).toBe(3);
    expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const id = newId();
    await increment(id, 1);
    await increment(id, 1);
    const attempt = increment(id, 5, { expectedVersion: 1 });
    await expect(attempt).rejects.toMatchObject({
      kind: 'CONFLICT',
      code: 'STALE_VERSION',
      message: expect.stringMatching(/version 2, not 1/),
    });
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('lets exactly one of two racing appends at the same version win', async () => {
    const id = newId();
    await increment(id, 1);
    const race = await Promise.allSettled([
      store.append({
        streamType: 'Counter',
        streamId: id,
        expectedVersion: 1,
        events: [{ type: 'CounterIncremented', data: { by: 1 } }],
        metadata: { actor: testActor, correlationId: 'a' },
        occurredAt: fixedNow,
      }),
      store.append({
        streamType: 'Counter',
        streamId: id,
        expectedVersion: 1,
        events: [{ type: 'CounterIncremented', data: { by: 2 } }],
        metadata: { actor: testActor, correlationId: 'b' },
        occurredAt: fixedNow,
      }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConcordError);
    expect(rejected.reason.code).toBe('STALE_VERSION');
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('retries a command without expectedVersion on the fresh state when writers race', async () => {
    const id = newId();
    await Promise.all(Array.from({ length: 3 }, () => increment(id, 1)));
    expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('answers a retried commandId with the first result and appends nothing', async () => {
    const id = newId();
    const first = await increment(id, 4, { commandId: 'cmd-retry-0001' });
    const again = await increment(id, 4, { commandId: 'cmd-retry-0001' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('keeps a commandId idempotent when the same command races itself', async () => {
    const id = newId();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => increment(id, 1, { commandId: 'cmd-race-0001' })),
    );
    expect(new Set(results.map((r) => r.eventIds[0])).size).toBe(1);
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('reserves unique keys across streams and names the taken value', async () => {
    const append = (streamId: string) =>
      store.append({
        streamType: 'Counter',
        streamId,
        expectedVersion: 0,
        events: [{ type: 'CounterIncremented', data: { by: 1 } }],
        metadata: { actor: testActor, correlationId: 'c' },
        occurredAt: fixedNow,
        uniqueKeys: [{ scope: 'counter.name', key: 'ONLY-ONE' }],
      });
    const a = newId();
    const b = newId();
    await append(a);
    await expect(append(b)).rejects.toMatchObject({
      kind: 'CONFLICT',
      code: 'UNIQUE_KEY_TAKEN',
      message: expect.stringContaining('"ONLY-ONE"'),
    });
    expect(await store.readStream(b)).toHaveLength(0);
  });

  it('lifts old event schemas with upcasters on read, leaving the stored event unchanged', async () => {
    const registry = new EventRegistry([
      {
        streamType: 'Counter',
        context: 'counters',
        schemaVersions: { CounterIncremented: 3 },
        upcasters: [
          { type: 'CounterIncremented', fromVersion: 1, upcast: (d) => ({ ...(d as object), unit: 'items' }) },
          {
            type: 'CounterIncremented',
            fromVersion: 2,
            upcast: (d) => ({ amount: (d as { by: number }).by, unit: (d as { unit: string }).unit }),
          },
        ],
      },
    ]);
    const id = newId();
    await increment(id, 7); // written at schema version 1 by the old registry
    const upgraded = new EventStore(db.dataSource, registry);
    const [event] = await upgraded.readStream(id);
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({ amount: 7, unit: 'items' });
    const [stored] = await db.dataSource.query(`SELECT schema_version, data FROM events WHERE stream_id = $1`, [id]);
    expect(stored).toEqual({ schema_version: 1, data: { by: 7 } });
  });

  it('refuses a command on a stream of another type', async () => {
    const id = newId();
    await store.append({
      streamType: 'Other',
      streamId: id,
      expectedVersion: 0,
      events: [{ type: 'X', data: {} }],
      metadata: { actor: testActor, correlationId: 'c' },
      occurredAt: fixedNow,
    });
    await expect(increment(id, 1)).rejects.toMatchObject({ kind: 'NOT_FOUND', code: 'WRONG_STREAM_TYPE' });
  });
});
