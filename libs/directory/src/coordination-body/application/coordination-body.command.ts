import type { CommandMeta } from '@concord/eventing';
import type { CoordinationBodyCommand } from '../domain/coordination-body.commands';

/** The command-bus message for any coordination body command. */
export class ExecuteCoordinationBodyCommand {
  constructor(
    readonly bodyId: string,
    readonly command: CoordinationBodyCommand,
    readonly meta: CommandMeta,
  ) {}
}
