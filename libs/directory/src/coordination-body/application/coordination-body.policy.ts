import { ConcordError, type Actor } from '@concord/kernel';
import type { CoordinationBodyCommand } from '../domain/coordination-body.commands';
import type { CoordinationBodyState } from '../domain/coordination-body.decider';
import type { BodyScope } from '../domain/coordination-body.events';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** The body's scope: from the command when it is being established, else from its history. */
const scopeOf = (command: CoordinationBodyCommand, state: CoordinationBodyState): BodyScope | undefined =>
  command.type === 'EstablishCoordinationBody' ? command.data : state.status === 'none' ? undefined : state.scope;

/**
 * Who may convene and maintain coordination bodies: platform admins (and the system) any body;
 * an RCO coordinator the bodies of the countries their token names. Regional bodies span
 * several RCOs, so only a platform admin manages them.
 */
export function authorizeCoordinationBodyCommand(
  command: CoordinationBodyCommand,
  state: CoordinationBodyState,
  actor: Actor,
): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  const scope = scopeOf(command, state);
  if (scope?.region !== undefined) {
    throw forbidden(`Only a platform admin can change regional coordination bodies (${scope.region})`);
  }
  const country = scope?.country;
  if (!actor.roles.includes('rco-coordinator')) {
    throw forbidden(`Only an RCO coordinator of ${country ?? 'its country'} or a platform admin can change this body`);
  }
  // An unknown body has no country yet: let the decider answer NOT_FOUND.
  if (country !== undefined && !actor.countries.includes(country)) {
    throw forbidden(`Only an RCO coordinator of ${country} or a platform admin can change coordination bodies there`);
  }
}
