import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contributionAggregate } from '../domain/contribution.aggregate';
import { ContributionFacts } from './contribution-facts';
import { ExecuteContributionCommand } from './contribution.command';
import { authorizeContributionCommand } from './contribution.policy';

@CommandHandler(ExecuteContributionCommand)
export class ContributionCommandHandler implements ICommandHandler<ExecuteContributionCommand, AppendResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly facts: ContributionFacts,
  ) {}

  async execute({ contributionId, command: given, meta }: ExecuteContributionCommand): Promise<AppendResult> {
    const command =
      given.type === 'RecordContribution' ? { ...given, data: await this.facts.enrich(given.data) } : given;
    return this.commands.run(contributionAggregate, {
      streamId: contributionId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeContributionCommand(command, state, actor),
    });
  }
}
