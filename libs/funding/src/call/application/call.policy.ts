import { ConcordError, type Actor } from '@concord/kernel';
import type { CallCommand } from '../domain/call.commands';
import type { CallState } from '../domain/call.decider';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** Who manages the call's fund: from the fund's facts at announcement, else from its history. */
const managerOf = (command: CallCommand, state: CallState): string | undefined =>
  command.type === 'AnnounceCall'
    ? command.data.fund.managingOrganisation
    : state.status === 'none'
      ? undefined
      : state.managingOrganisation;

/**
 * Who may announce and maintain calls: as for funds, platform admins (and the system) all; an
 * agency editor those of the funds their organisation (token `org`) manages.
 */
export function authorizeCallCommand(command: CallCommand, state: CallState, actor: Actor): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  const isEditor = actor.roles.includes('agency-editor');
  const manager = managerOf(command, state);
  if (manager === undefined) {
    // An unknown call: the decider answers NOT_FOUND to those who could change one.
    if (isEditor) return;
    throw forbidden("Only a platform admin or an agency editor of the fund's managing organisation can change calls");
  }
  if (isEditor && actor.organisation === manager) return;
  throw forbidden(
    `Only a platform admin or an agency editor of ${manager} can change calls of funds managed by ${manager}`,
  );
}
