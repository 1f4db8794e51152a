import type { CommandMeta } from '@concord/eventing';
import type { OrganisationCommand } from '../domain/organisation.commands';

/** The command-bus message for any organisation command. */
export class ExecuteOrganisationCommand {
  constructor(
    readonly organisationId: string,
    readonly command: OrganisationCommand,
    readonly meta: CommandMeta,
  ) {}
}
