import type { CommandMeta } from '@concord/eventing';
import type { ContributionCommand } from '../domain/contribution.commands';

/** The command-bus message for any contribution command. */
export class ExecuteContributionCommand {
  constructor(
    readonly contributionId: string,
    readonly command: ContributionCommand,
    readonly meta: CommandMeta,
  ) {}
}
