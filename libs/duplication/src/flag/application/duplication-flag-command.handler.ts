import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { duplicationFlagAggregate } from '../domain/duplication-flag.aggregate';
import { ExecuteDuplicationFlagCommand } from './duplication-flag.command';
import { authorizeFlagCommand } from './duplication-flag.policy';

@CommandHandler(ExecuteDuplicationFlagCommand)
export class DuplicationFlagCommandHandler implements ICommandHandler<ExecuteDuplicationFlagCommand, AppendResult> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ flagId, command, meta }: ExecuteDuplicationFlagCommand): Promise<AppendResult> {
    return this.commands.run(duplicationFlagAggregate, {
      streamId: flagId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeFlagCommand(command, state, actor),
    });
  }
}
