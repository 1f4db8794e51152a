import { ConcordError, type Actor } from '@concord/kernel';
import type { OrganisationCommand } from '../domain/organisation.commands';
import type { OrganisationState } from '../domain/organisation.decider';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/**
 * Who may change the directory: platform admins register organisations; an organisation's own
 * agency editors (token `org` = its code) and platform admins maintain it.
 */
export function authorizeOrganisationCommand(
  command: OrganisationCommand,
  state: OrganisationState,
  actor: Actor,
): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  if (command.type === 'RegisterOrganisation') {
    throw forbidden('Only a platform admin can register an organisation');
  }
  const code = state.status === 'registered' ? state.code : undefined;
  if (!(actor.roles.includes('agency-editor') && code !== undefined && actor.organisation === code)) {
    throw forbidden(`Only ${code ?? 'the organisation'}'s agency editors or a platform admin can change it`);
  }
}
