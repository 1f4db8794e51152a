import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fundAggregate } from '../domain/fund.aggregate';
import { ExecuteFundCommand } from './fund.command';
import { authorizeFundCommand } from './fund.policy';

@CommandHandler(ExecuteFundCommand)
export class FundCommandHandler implements ICommandHandler<ExecuteFundCommand, AppendResult> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ fundId, command, meta }: ExecuteFundCommand): Promise<AppendResult> {
    return this.commands.run(fundAggregate, {
      streamId: fundId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeFundCommand(command, state, actor),
    });
  }
}
