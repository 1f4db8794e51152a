import type { CommandMeta } from '@concord/eventing';
import type { FundCommand } from '../domain/fund.commands';

/** The command-bus message for any fund command. */
export class ExecuteFundCommand {
  constructor(
    readonly fundId: string,
    readonly command: FundCommand,
    readonly meta: CommandMeta,
  ) {}
}
