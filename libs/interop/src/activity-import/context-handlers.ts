import { CommandRunner, type EventStore } from '@concord/eventing';
import type { DataSource } from 'typeorm';
// The import takes the same path as GraphQL: the handlers hold the authorisation policies and
// the joint-programme period lookup, which a copy here could drift from.
import { OrganisationCommandHandler } from '@concord/directory';
import { ActivityCommandHandler, JointProgrammePeriods } from '@concord/programming';

/** The command handlers an import runs, built as Nest would build them, over the given store. */
export function contextHandlers(store: EventStore, db: DataSource) {
  const commands = new CommandRunner(store);
  return {
    activities: new ActivityCommandHandler(commands, new JointProgrammePeriods(db)),
    organisations: new OrganisationCommandHandler(commands, store),
  };
}
