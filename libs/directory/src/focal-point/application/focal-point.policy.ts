import { ConcordError, type Actor } from '@concord/kernel';
import type { FocalPointCommand } from '../domain/focal-point.commands';
import type { FocalPointState } from '../domain/focal-point.decider';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** Whose focal point it is: from the command at registration, else from its history. */
const ownerOf = (command: FocalPointCommand, state: FocalPointState) =>
  command.type === 'RegisterFocalPoint' ? command.data : state.status === 'none' ? undefined : state;

/**
 * Who may maintain focal points: platform admins (and the system) all; an RCO coordinator those
 * in the countries their token names; an agency editor their own organisation's (token `org`)
 * in their countries.
 */
export function authorizeFocalPointCommand(command: FocalPointCommand, state: FocalPointState, actor: Actor): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  const isRco = actor.roles.includes('rco-coordinator');
  const isEditor = actor.roles.includes('agency-editor');
  const owner = ownerOf(command, state);
  if (!owner) {
    // An unknown focal point: the decider answers NOT_FOUND to those who could change one.
    if (isRco || isEditor) return;
    throw forbidden('Only a platform admin, an RCO coordinator or an agency editor can change focal points');
  }
  const { organisation, country } = owner;
  const inCountry = actor.countries.includes(country);
  if (isRco && inCountry) return;
  if (isEditor && inCountry && actor.organisation === organisation) return;
  throw forbidden(
    `Only a platform admin, an RCO coordinator of ${country} or an agency editor of ${organisation} ` +
      `in ${country} can change ${organisation}'s focal points in ${country}`,
  );
}

/** Names, emails and phone numbers are personal data: only signed-in callers see them (ARCHITECTURE §5). */
export const seesPersonalData = (viewer: Actor | undefined): boolean => viewer !== undefined;
