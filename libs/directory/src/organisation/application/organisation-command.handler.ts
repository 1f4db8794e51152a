import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationAggregate } from '../domain/organisation.aggregate';
import { ExecuteOrganisationCommand } from './organisation.command';
import { authorizeOrganisationCommand } from './organisation.policy';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand, AppendResult> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ organisationId, command, meta }: ExecuteOrganisationCommand): Promise<AppendResult> {
    return this.commands.run(organisationAggregate, {
      streamId: organisationId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeOrganisationCommand(command, state, actor),
    });
  }
}
