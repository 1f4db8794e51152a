import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { coordinationBodyAggregate } from '../domain/coordination-body.aggregate';
import { ExecuteCoordinationBodyCommand } from './coordination-body.command';
import { authorizeCoordinationBodyCommand } from './coordination-body.policy';

@CommandHandler(ExecuteCoordinationBodyCommand)
export class CoordinationBodyCommandHandler implements ICommandHandler<ExecuteCoordinationBodyCommand, AppendResult> {
  constructor(private readonly commands: CommandRunner) {}

  execute({ bodyId, command, meta }: ExecuteCoordinationBodyCommand): Promise<AppendResult> {
    return this.commands.run(coordinationBodyAggregate, {
      streamId: bodyId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeCoordinationBodyCommand(command, state, actor),
    });
  }
}
