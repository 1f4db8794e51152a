import { ConcordError, type Actor } from '@concord/kernel';
import type { CooperationFrameworkCommand } from '../domain/cooperation-framework.commands';
import type { CooperationFrameworkState } from '../domain/cooperation-framework.decider';
import type { CooperationFrameworkStatus } from '../domain/cooperation-framework.events';

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** Platform admins (and the system) may do anything. */
export const isPlatformAdmin = (actor: Actor): boolean =>
  actor.roles.includes('platform-admin') || actor.roles.includes('system');

/** An RCO coordinator scoped to at least one of these countries. */
export const isRcoCoordinatorOf = (actor: Actor, countries: readonly string[]): boolean =>
  actor.roles.includes('rco-coordinator') && countries.some((c) => actor.countries.includes(c));

export const countryList = (countries: readonly string[]): string => countries.join(' or ') || 'its countries';

const existingCountries = (state: CooperationFrameworkState) => (state.status === 'none' ? undefined : state.countries);

/**
 * Who may shape a Cooperation Framework: platform admins, and the RCO coordinators of a country
 * it covers (for a new framework, of a country it names).
 */
export function authorizeCooperationFrameworkCommand(
  command: CooperationFrameworkCommand,
  state: CooperationFrameworkState,
  actor: Actor,
): void {
  if (isPlatformAdmin(actor)) return;
  const countries = command.type === 'CreateCooperationFramework' ? command.data.countries : existingCountries(state);
  // Nothing to protect in a framework that does not exist: the decider answers NOT_FOUND.
  if (countries === undefined) return;
  if (isRcoCoordinatorOf(actor, countries)) return;
  throw forbidden(
    `Only a platform admin or an RCO coordinator of ${countryList(countries)} can change this cooperation framework`,
  );
}

/**
 * A signed framework is a public document, a draft is not: anonymous callers see ACTIVE and CLOSED
 * frameworks and their results (ADR 0007). Publication follows the status; there is no event for it.
 */
export const PUBLISHED_FRAMEWORK_STATUSES: readonly CooperationFrameworkStatus[] = ['ACTIVE', 'CLOSED'];

export const isFrameworkPublished = (status: string): boolean =>
  (PUBLISHED_FRAMEWORK_STATUSES as readonly string[]).includes(status);
