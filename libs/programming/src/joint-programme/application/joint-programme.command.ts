import type { CommandMeta } from '@concord/eventing';
import type { JointProgrammeCommand } from '../domain/joint-programme.commands';

/**
 * What callers ask of a joint programme: the domain commands, except that framework results are
 * named by id and a revision carries no facts about linked activities; the handler looks both up
 * before the decider sees them.
 */
export type JointProgrammeRequest =
  | Exclude<JointProgrammeCommand, { type: 'LinkFrameworkResults' | 'ReviseJointProgramme' }>
  | Omit<Extract<JointProgrammeCommand, { type: 'ReviseJointProgramme' }>, 'linkedActivities'>
  | { type: 'LinkFrameworkResults'; data: { resultIds: string[] } };

/** The command-bus message for any joint programme command. */
export class ExecuteJointProgrammeCommand {
  constructor(
    readonly jointProgrammeId: string,
    readonly request: JointProgrammeRequest,
    readonly meta: CommandMeta,
  ) {}
}
