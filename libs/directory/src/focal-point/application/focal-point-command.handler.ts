import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { focalPointAggregate } from '../domain/focal-point.aggregate';
import { ExecuteFocalPointCommand } from './focal-point.command';
import { authorizeFocalPointCommand } from './focal-point.policy';

@CommandHandler(ExecuteFocalPointCommand)
export class FocalPointCommandHandler implements ICommandHandler<ExecuteFocalPointCommand, AppendResult> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ focalPointId, command, meta }: ExecuteFocalPointCommand): Promise<AppendResult> {
    return this.commands.run(focalPointAggregate, {
      streamId: focalPointId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeFocalPointCommand(command, state, actor),
    });
  }
}
