import { ConcordError, type Actor } from '@concord/kernel';
import type { DuplicationFlagCommand } from '../domain/duplication-flag.commands';
import type { DuplicationFlagState } from '../domain/duplication-flag.decider';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/**
 * Flags are raised, rescored and cleared by the detector (the system) only. Confirming,
 * dismissing, resolving and reopening belong to the RCO coordinators of the flag's country (and
 * platform admins); the agencies involved may comment, as may those coordinators.
 */
export function authorizeFlagCommand(command: DuplicationFlagCommand, state: DuplicationFlagState, actor: Actor): void {
  const system = actor.roles.includes('system');
  if (command.type === 'Detect') {
    if (system) return;
    throw forbidden('Only the duplication detector raises, rescores and clears flags');
  }
  if (system || actor.roles.includes('platform-admin')) return;
  if (state.status === 'none') return; // the decider answers NOT_FOUND
  const { country, organisations } = state;
  const coordinator = actor.roles.includes('rco-coordinator') && actor.countries.includes(country);
  if (coordinator) return;
  const involved =
    actor.roles.includes('agency-editor') &&
    actor.countries.includes(country) &&
    actor.organisation !== undefined &&
    organisations.includes(actor.organisation);
  if (command.type === 'CommentOnFlag' && involved) return;
  throw forbidden(
    command.type === 'CommentOnFlag'
      ? `Only an RCO coordinator of ${country} or an agency editor of ${organisations.join(' or ')} in ${country} can comment on this flag`
      : `Only a platform admin or an RCO coordinator of ${country} can decide on this flag`,
  );
}
