import type { CommandMeta } from '@concord/eventing';
import type { JointProgrammeCommand } from '../domain/joint-programme.commands';

/**
 * What callers ask of a joint programme: the domain commands, except that framework results are
 * named by id; the handler looks them up before the decider sees them.
 */
export type JointProgrammeRequest =
  | Exclude<JointProgrammeCommand, { type: 'LinkFrameworkResults' }>
  | { type: 'LinkFrameworkResults'; data: { resultIds: string[] } };

/** The command-bus message for any joint programme command. */
export class ExecuteJointProgrammeCommand {
  constructor(
    readonly jointProgrammeId: string,
    readonly request: JointProgrammeRequest,
    readonly meta: CommandMeta,
  ) {}
}
