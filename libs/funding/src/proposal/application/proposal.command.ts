import type { CommandMeta } from '@concord/eventing';
import type { ProposalCommand } from '../domain/proposal.commands';

/** The command-bus message for any proposal command; the handler adds the call facts. */
export class ExecuteProposalCommand {
  constructor(
    readonly proposalId: string,
    readonly command: ProposalCommand,
    readonly meta: CommandMeta,
  ) {}
}
