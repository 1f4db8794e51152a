import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cooperationFrameworkAggregate } from '../domain/cooperation-framework.aggregate';
import { ExecuteCooperationFrameworkCommand } from './cooperation-framework.command';
import { authorizeCooperationFrameworkCommand } from './cooperation-framework.policy';

@CommandHandler(ExecuteCooperationFrameworkCommand)
export class CooperationFrameworkCommandHandler implements ICommandHandler<
  ExecuteCooperationFrameworkCommand,
  AppendResult
> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ frameworkId, command, meta }: ExecuteCooperationFrameworkCommand): Promise<AppendResult> {
    return this.commands.run(cooperationFrameworkAggregate, {
      streamId: frameworkId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeCooperationFrameworkCommand(command, state, actor),
    });
  }
}
