import { ConcordError, type Actor } from '@concord/kernel';
import type { FundCommand } from '../domain/fund.commands';
import type { FundState } from '../domain/fund.decider';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** Who manages the fund: from the command when it is established, else from its history. */
const managerOf = (command: FundCommand, state: FundState): string | undefined =>
  command.type === 'EstablishFund'
    ? command.data.managingOrganisation
    : state.status === 'none'
      ? undefined
      : state.details.managingOrganisation;

/**
 * Who may maintain funds: platform admins (and the system) all; an agency editor those their
 * organisation (token `org`) manages. Funds are not country-scoped. Handing a fund over to
 * another managing organisation is left to platform admins.
 */
export function authorizeFundCommand(command: FundCommand, state: FundState, actor: Actor): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  const isEditor = actor.roles.includes('agency-editor');
  const manager = managerOf(command, state);
  if (manager === undefined) {
    // An unknown fund: the decider answers NOT_FOUND to those who could change one.
    if (isEditor) return;
    throw forbidden('Only a platform admin or an agency editor of the managing organisation can change funds');
  }
  if (!isEditor || actor.organisation !== manager) {
    throw forbidden(`Only a platform admin or an agency editor of ${manager} can change funds managed by ${manager}`);
  }
  const handedTo = command.type === 'ReviseFund' ? command.data.managingOrganisation : undefined;
  if (handedTo !== undefined && handedTo !== manager) {
    throw forbidden(`Only a platform admin can hand a fund managed by ${manager} over to ${handedTo}`);
  }
}
