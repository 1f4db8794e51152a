import { CommandRunner, type AppendResult } from '@concord/eventing';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { callAggregate } from '../domain/call.aggregate';
import type { CallCommand } from '../domain/call.commands';
import { ExecuteCallCommand, type CallRequest } from './call.command';
import { authorizeCallCommand } from './call.policy';
import { FundDirectory } from './fund-directory';

@CommandHandler(ExecuteCallCommand)
export class CallCommandHandler implements ICommandHandler<ExecuteCallCommand, AppendResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly funds: FundDirectory,
  ) {}

  async execute({ callId, request, meta }: ExecuteCallCommand): Promise<AppendResult> {
    const command = await this.withFund(request);
    return this.commands.run(callAggregate, {
      streamId: callId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeCallCommand(command, state, actor),
    });
  }

  /**
   * An announcement with its fund's facts from the funds' read model, never from the caller.
   * Later commands need none: the call keeps its fund's manager from the announcement.
   */
  private async withFund(request: CallRequest): Promise<CallCommand> {
    if (request.type !== 'AnnounceCall') return request;
    return { type: 'AnnounceCall', data: { ...request.data, fund: await this.funds.factsOf(request.data.fundId) } };
  }
}
