import { createTestDatabase } from '@concord/test-support';
import { CommandRunner } from '../command/command-runner';
import { EventStore1763900000000 } from '../migrations/1763900000000-event-store';
import { EventStore } from '../store/event-store';
import { counterRegistry } from '../testing/counter.fixture';
import { eventLogContract } from '../testing/event-log.contract';
import { EmbeddedEventLog } from './embedded-event-log';

eventLogContract('Embedded', async () => {
  const db = await createTestDatabase({ entities: [], migrations: [EventStore1763900000000] });
  const registry = counterRegistry();
  const store = new EventStore(db.dataSource, registry);
  const open = () => new EmbeddedEventLog(db.dataSource, store, registry, { pollMs: 50, retryMs: 100 });
  const log = open();
  return {
    log,
    runner: new CommandRunner(store),
    reopen: async () => open(),
    close: async () => {
      await log.close();
      await db.close();
    },
  };
});
