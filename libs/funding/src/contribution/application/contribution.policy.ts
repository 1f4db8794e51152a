import { ConcordError, type Actor } from '@concord/kernel';
import type { ContributionCommand } from '../domain/contribution.commands';
import type { ContributionState } from '../domain/contribution.decider';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

interface Parties {
  donor: string;
  organisation: string | null;
  country: string | null;
}

/** Who the money is between: from the command when recording, else from the contribution's history. */
function partiesOf(command: ContributionCommand, state: ContributionState): Parties | undefined {
  if (command.type === 'RecordContribution') {
    const { donor, recipient, country, known } = command.data;
    const organisation = recipient?.kind === 'ORGANISATION' ? recipient.ref : (known?.organisation ?? null);
    return { donor, organisation, country: country ?? null };
  }
  return state.status === 'none' ? undefined : { ...state, organisation: state.recipient.organisation };
}

/**
 * Who may record money: platform admins (and the system) all; an agency editor for their own
 * organisation as donor or as the accountable recipient (in their countries, when the money is for
 * a country); an RCO coordinator for money to their countries.
 */
export function authorizeContributionCommand(
  command: ContributionCommand,
  state: ContributionState,
  actor: Actor,
): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  const isRco = actor.roles.includes('rco-coordinator');
  const isEditor = actor.roles.includes('agency-editor');
  const parties = partiesOf(command, state);
  if (!parties) {
    if (isRco || isEditor) return; // the decider answers NOT_FOUND
    throw forbidden('Only a platform admin, an RCO coordinator or an agency editor can record contributions');
  }
  const { donor, organisation, country } = parties;
  const inCountry = country === null || actor.countries.includes(country);
  if (isRco && country !== null && actor.countries.includes(country)) return;
  const ownOrganisation = actor.organisation !== undefined && [donor, organisation].includes(actor.organisation);
  if (isEditor && ownOrganisation && inCountry) return;
  const parts = [donor, organisation].filter((o, i, all) => o && all.indexOf(o) === i).join(' or ');
  throw forbidden(
    `Only a platform admin, ${country ? `an RCO coordinator of ${country} or ` : ''}an agency editor of ${parts}` +
      `${country ? ` in ${country}` : ''} can record this contribution's money`,
  );
}
