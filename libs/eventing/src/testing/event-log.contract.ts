import { newId } from '@concord/kernel';
import { eventually } from '@concord/test-support';
import type { CommandRunner } from '../command/command-runner';
import type { EventEnvelope } from '../envelope';
import type { EventLog } from '../log/event-log';
import { counterAggregate, testActor } from './counter.fixture';

export interface LogUnderTest {
  log: EventLog;
  runner: CommandRunner;
  /** A second instance of the log over the same store, as another process would have. */
  reopen(): Promise<EventLog>;
  close(): Promise<void>;
}

/**
 * One contract, run against every EventLog adapter (ARCHITECTURE §4.8): what a consumer may rely
 * on whether the log is Kafka or the events table itself.
 */
export function eventLogContract(name: string, open: () => Promise<LogUnderTest>): void {
  describe(`${name} event log contract`, () => {
    let t: LogUnderTest;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(() => t.close());

    const increment = (streamId: string, by = 1) =>
      t.runner.run(counterAggregate, {
        streamId,
        command: { type: 'Increment', data: { by } },
        actor: testActor,
        correlationId: newId(),
      });

    const collect = async (
      groupId: string,
      log: EventLog = t.log,
      fail?: (batch: EventEnvelope[]) => boolean,
      failure: () => Error = () => new Error('handler failed on purpose'),
    ) => {
      const seen: EventEnvelope[] = [];
      const subscription = await log.subscribe({
        groupId,
        contexts: ['counters'],
        handle: async (batch) => {
          if (fail?.(batch)) throw failure();
          seen.push(...batch);
        },
      });
      return { seen, subscription };
    };

    const expectPerStreamOrder = (events: EventEnvelope[]) => {
      const byStream = new Map<string, number[]>();
      for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.version]);
      for (const versions of byStream.values()) {
        expect(versions).toEqual(versions.map((_, i) => i + 1));
      }
    };

    it('delivers every event exactly once per group, in per-stream order, while 8 writers race', async () => {
      const streams = Array.from({ length: 10 }, () => newId());
      const { seen, subscription } = await collect(`contract-${newId()}`);
      await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          for (let i = 0; i < 25; i++) await increment(streams[(writer + i) % streams.length]);
        }),
      );
      const mine = () => seen.filter((e) => streams.includes(e.streamId));
      await eventually(() => expect(mine()).toHaveLength(200), 30_000);
      expect(new Set(mine().map((e) => e.eventId)).size).toBe(200);
      expectPerStreamOrder(mine());
      await subscription.close();
    });

    it('gives every group all events, independently of the others', async () => {
      const stream = newId();
      for (let i = 0; i < 5; i++) await increment(stream);
      const a = await collect(`contract-a-${newId()}`);
      const b = await collect(`contract-b-${newId()}`);
      await eventually(() => {
        expect(a.seen.filter((e) => e.streamId === stream)).toHaveLength(5);
        expect(b.seen.filter((e) => e.streamId === stream)).toHaveLength(5);
      }, 30_000);
      await Promise.all([a.subscription.close(), b.subscription.close()]);
    });

    it('delivers a batch again when the handler throws, and loses nothing', async () => {
      const stream = newId();
      let failures = 0;
      const { seen, subscription } = await collect(
        `contract-retry-${newId()}`,
        t.log,
        (batch) => batch.some((e) => e.streamId === stream && e.version === 2) && failures++ < 2,
      );
      for (let i = 0; i < 3; i++) await increment(stream);
      await eventually(
        () => expect(seen.filter((e) => e.streamId === stream).map((e) => e.version)).toEqual([1, 2, 3]),
        30_000,
      );
      expect(failures).toBeGreaterThanOrEqual(2);
      await subscription.close();
    });

    it('delivers a batch again after a handler bug (a TypeError): the consumer lives on', async () => {
      const stream = newId();
      let failures = 0;
      const { seen, subscription } = await collect(
        `contract-bug-${newId()}`,
        t.log,
        (batch) => batch.some((e) => e.streamId === stream) && failures++ < 1,
        () => new TypeError('a bug in the handler'),
      );
      for (let i = 0; i < 2; i++) await increment(stream);
      await eventually(
        () => expect(seen.filter((e) => e.streamId === stream).map((e) => e.version)).toEqual([1, 2]),
        30_000,
      );
      expect(failures).toBeGreaterThanOrEqual(2); // the failed delivery, then at least one more
      await subscription.close();
    });

    it('resumes after a restart from the committed position: nothing lost, nothing handled twice', async () => {
      const group = `contract-resume-${newId()}`;
      const stream = newId();
      for (let i = 0; i < 3; i++) await increment(stream);
      const first = await collect(group);
      await eventually(() => expect(first.seen.filter((e) => e.streamId === stream)).toHaveLength(3), 30_000);
      await first.subscription.close();

      for (let i = 0; i < 2; i++) await increment(stream); // appended while the consumer is down
      const other = await t.reopen();
      const second = await collect(group, other);
      await eventually(
        () => expect(second.seen.filter((e) => e.streamId === stream).map((e) => e.version)).toEqual([4, 5]),
        30_000,
      );
      await second.subscription.close();
      await other.close();
    });

    const tail = async (log: EventLog, fail?: (batch: EventEnvelope[]) => boolean) => {
      const seen: EventEnvelope[] = [];
      const errors: unknown[] = [];
      const subscription = await log.tail({
        contexts: ['counters'],
        handle: async (batch) => {
          if (fail?.(batch)) throw new Error('live handler failed on purpose');
          seen.push(...batch);
        },
        onError: (error) => errors.push(error),
      });
      return { seen, errors, subscription };
    };

    it('tails: each process sees every event appended after it started, and none from before', async () => {
      const stream = newId();
      for (let i = 0; i < 2; i++) await increment(stream); // before: not part of the tail
      const before = await collect(`contract-before-tail-${newId()}`); // the two are in the log
      await eventually(() => expect(before.seen.filter((e) => e.streamId === stream)).toHaveLength(2), 30_000);
      await before.subscription.close();
      const other = await t.reopen();
      const here = await tail(t.log);
      const there = await tail(other);
      for (let i = 0; i < 3; i++) await increment(stream);
      const versions = (seen: EventEnvelope[]) => seen.filter((e) => e.streamId === stream).map((e) => e.version);
      await eventually(() => {
        expect(versions(here.seen)).toEqual([3, 4, 5]);
        expect(versions(there.seen)).toEqual([3, 4, 5]);
      }, 30_000);
      await Promise.all([here.subscription.close(), there.subscription.close()]);
      await other.close();
    });

    it('tails on past a failing batch: reported, not delivered again', async () => {
      const first = newId();
      const second = newId();
      const live = await tail(t.log, (batch) => batch.some((e) => e.streamId === first));
      await increment(first);
      await eventually(() => expect(live.errors).toHaveLength(1), 30_000);
      await increment(second);
      await eventually(() => expect(live.seen.map((e) => e.streamId)).toContain(second), 30_000);
      expect(live.seen.map((e) => e.streamId)).not.toContain(first);
      expect(String(live.errors[0])).toMatch(/live handler failed on purpose/);
      await live.subscription.close();
    });
  });
}
