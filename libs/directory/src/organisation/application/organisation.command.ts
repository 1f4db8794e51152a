import type { Actor } from '@concord/kernel';
import type { OrganisationCommand } from '../domain/organisation.commands';

/** Request-level facts that travel with every command. */
export interface CommandMeta {
  actor: Actor;
  correlationId: string;
  commandId?: string;
  expectedVersion?: number;
}

/** The command-bus message for any organisation command. */
export class ExecuteOrganisationCommand {
  constructor(
    readonly organisationId: string,
    readonly command: OrganisationCommand,
    readonly meta: CommandMeta,
  ) {}
}
