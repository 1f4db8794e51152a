import type { CommandMeta } from '@concord/eventing';
import type { ActivityCommand } from '../domain/activity.commands';

/** The command-bus message for any activity command. */
export class ExecuteActivityCommand {
  constructor(
    readonly activityId: string,
    readonly command: ActivityCommand,
    readonly meta: CommandMeta,
  ) {}
}
