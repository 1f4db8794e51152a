import type { CommandMeta } from '@concord/eventing';
import type { CooperationFrameworkCommand } from '../domain/cooperation-framework.commands';

/** The command-bus message for any cooperation framework command. */
export class ExecuteCooperationFrameworkCommand {
  constructor(
    readonly frameworkId: string,
    readonly command: CooperationFrameworkCommand,
    readonly meta: CommandMeta,
  ) {}
}
