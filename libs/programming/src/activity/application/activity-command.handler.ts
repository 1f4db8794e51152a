import { CommandRunner, type AppendResult } from '@concord/eventing';
import { ConcordError } from '@concord/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { activityAggregate } from '../domain/activity.aggregate';
import type { ActivityCommand } from '../domain/activity.commands';
import { REFERENCE_ID } from '../domain/activity.rules';
import { ExecuteActivityCommand } from './activity.command';
import { authorizeActivityCommand } from './activity.policy';
import { JointProgrammePeriods } from './joint-programme-periods';

@CommandHandler(ExecuteActivityCommand)
export class ActivityCommandHandler implements ICommandHandler<ExecuteActivityCommand, AppendResult> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly jointProgrammes: JointProgrammePeriods,
  ) {}

  async execute({ activityId, command, meta }: ExecuteActivityCommand): Promise<AppendResult> {
    if (command.type === 'RegisterActivity' && !REFERENCE_ID.test(activityId)) {
      throw ConcordError.badInput('INVALID_ID', {
        path: 'id',
        value: activityId,
        message: 'must be a UUID or 1–80 letters, digits or . _ : -',
      });
    }
    const withFacts = await this.withJointProgrammePeriod(activityId, command);
    return this.commands.run(activityAggregate, {
      streamId: activityId,
      command: withFacts,
      ...meta,
      authorize: (state, actor) => authorizeActivityCommand(withFacts, state, actor),
    });
  }

  /** The command with the periods of the programmes it links to, from the read models, never from the caller. */
  private async withJointProgrammePeriod(activityId: string, command: ActivityCommand): Promise<ActivityCommand> {
    switch (command.type) {
      case 'RegisterActivity':
        return { ...command, data: { ...command.data, jointProgrammePeriod: await this.periodOf(command.data) } };
      case 'ReviseActivity': {
        // One lookup: the programme the revision names, else the one the activity is linked to.
        const named = command.data.jointProgrammeId;
        if (!named) {
          const linkedProgramme = await this.jointProgrammes.linkedTo(activityId);
          return { ...command, data: { ...command.data, jointProgrammePeriod: undefined, linkedProgramme } };
        }
        const period = await this.periodOf(command.data);
        const linkedProgramme = period && { id: named, period };
        return { ...command, data: { ...command.data, jointProgrammePeriod: period, linkedProgramme } };
      }
      case 'LinkActivityToJointProgramme':
        return { ...command, data: { ...command.data, jointProgrammePeriod: await this.periodOf(command.data) } };
      default:
        return command;
    }
  }

  private periodOf({ jointProgrammeId }: { jointProgrammeId?: string | null }) {
    // A malformed id is left for the decider to refuse with the field's own error.
    const lookup = !!jointProgrammeId && REFERENCE_ID.test(jointProgrammeId);
    return lookup ? this.jointProgrammes.of(jointProgrammeId) : undefined;
  }
}
