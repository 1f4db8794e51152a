import { CommandRunner, EventStore, type AppendResult } from '@concord/eventing';
import { ConcordError } from '@concord/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationAggregate } from '../domain/organisation.aggregate';
import type { OrganisationCommand } from '../domain/organisation.commands';
import { ExecuteOrganisationCommand } from './organisation.command';
import { authorizeOrganisationCommand } from './organisation.policy';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand, AppendResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: EventStore,
  ) {}

  async execute({ organisationId, command, meta }: ExecuteOrganisationCommand): Promise<AppendResult> {
    await this.parentExists(command);
    return this.commands.run(organisationAggregate, {
      streamId: organisationId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeOrganisationCommand(command, state, actor),
    });
  }

  /**
   * A parent must be a registered organisation. The rule spans two streams, so it is checked here,
   * against the event store itself (no read-model lag); organisations are never deleted, so the
   * answer cannot go stale.
   */
  private async parentExists(command: OrganisationCommand): Promise<void> {
    if (command.type !== 'RegisterOrganisation' || command.data.parentId === undefined) return;
    const parentId = command.data.parentId;
    const [first] = await this.store.readStream(parentId, { limit: 1 });
    if (first?.streamType !== organisationAggregate.streamType) {
      throw ConcordError.badInput('UNKNOWN_PARENT', {
        path: 'parentId',
        value: parentId,
        message: 'is not a registered organisation',
      });
    }
  }
}
