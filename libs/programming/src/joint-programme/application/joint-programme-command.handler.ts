import { CommandRunner, type AppendResult } from '@concord/eventing';
import { ConcordError } from '@concord/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CooperationFrameworkQueries } from '../../cooperation-framework/application/cooperation-framework.queries';
import type { FrameworkResultKind } from '../../cooperation-framework/domain/cooperation-framework.events';
import { jointProgrammeAggregate } from '../domain/joint-programme.aggregate';
import type { FrameworkResultFacts, JointProgrammeCommand } from '../domain/joint-programme.commands';
import { ExecuteJointProgrammeCommand, type JointProgrammeRequest } from './joint-programme.command';
import { authorizeJointProgrammeCommand } from './joint-programme.policy';
import { LinkedActivities } from './linked-activities';

@CommandHandler(ExecuteJointProgrammeCommand)
export class JointProgrammeCommandHandler implements ICommandHandler<ExecuteJointProgrammeCommand, AppendResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly frameworks: CooperationFrameworkQueries,
    private readonly linkedActivities: LinkedActivities,
  ) {}

  async execute({ jointProgrammeId, request, meta }: ExecuteJointProgrammeCommand): Promise<AppendResult> {
    const command = await this.resolve(jointProgrammeId, request);
    return this.commands.run(jointProgrammeAggregate, {
      streamId: jointProgrammeId,
      command,
      ...meta,
      authorize: (state, actor) => authorizeJointProgrammeCommand(command, state, actor, jointProgrammeId),
    });
  }

  /**
   * Facts from other aggregates' read models: framework results (their kind and their framework's
   * countries), and for a new period the linked activities that reach furthest out.
   */
  private async resolve(jointProgrammeId: string, request: JointProgrammeRequest): Promise<JointProgrammeCommand> {
    if (request.type === 'ReviseJointProgramme') {
      const { startDate, endDate } = request.data;
      if (startDate == null && endDate == null) return request;
      return { ...request, linkedActivities: await this.linkedActivities.spanOf(jointProgrammeId) };
    }
    if (request.type !== 'LinkFrameworkResults') return request;
    const { resultIds } = request.data;
    const rows = await this.frameworks.resultsByIds(resultIds);
    const results = resultIds.map((id, i): FrameworkResultFacts => {
      const row = rows.find((r) => r.id === id);
      if (!row) {
        throw ConcordError.badInput('UNKNOWN_FRAMEWORK_RESULT', {
          path: `resultIds[${i}]`,
          value: id,
          message: `no Cooperation Framework outcome or output has id ${id}`,
        });
      }
      const { kind, frameworkCode, code, countries } = row;
      return { id, kind: kind as FrameworkResultKind, frameworkCode, code, countries };
    });
    return { type: 'LinkFrameworkResults', data: { results } };
  }
}
