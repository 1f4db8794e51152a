import { EventStore, type AppendRequest, type AppendResult } from '@concord/eventing';

/**
 * An event store that reads the real streams and writes nothing: `--dry-run` runs every line
 * through the same handlers, policies and deciders, and sees what would be appended.
 */
export class DryRunEventStore extends EventStore {
  override async append(request: AppendRequest): Promise<AppendResult> {
    return {
      streamId: request.streamId,
      version: request.expectedVersion + request.events.length,
      eventIds: request.events.map(() => 'dry-run'),
      replayed: false,
    };
  }
}
