import type { CommandMeta } from '@concord/eventing';
import type { DuplicationFlagCommand } from '../domain/duplication-flag.commands';

/** The command-bus message for any duplication flag command. */
export class ExecuteDuplicationFlagCommand {
  constructor(
    readonly flagId: string,
    readonly command: DuplicationFlagCommand,
    readonly meta: CommandMeta,
  ) {}
}
