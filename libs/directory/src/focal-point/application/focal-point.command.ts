import type { CommandMeta } from '@concord/eventing';
import type { FocalPointCommand } from '../domain/focal-point.commands';

/** The command-bus message for any focal point command. */
export class ExecuteFocalPointCommand {
  constructor(
    readonly focalPointId: string,
    readonly command: FocalPointCommand,
    readonly meta: CommandMeta,
  ) {}
}
