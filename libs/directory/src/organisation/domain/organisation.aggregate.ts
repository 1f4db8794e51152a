import type { Aggregate } from '@concord/eventing';
import type { OrganisationCommand } from './organisation.commands';
import { organisationDecider, type OrganisationState } from './organisation.decider';
import type { OrganisationEvent } from './organisation.events';

export const ORGANISATION_STREAM = 'Organisation';

export const organisationAggregate: Aggregate<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  streamType: ORGANISATION_STREAM,
  decider: organisationDecider,
  // Codes are unique across organisations: reserved in the same transaction as the event.
  uniqueKeys: (event) =>
    event.type === 'OrganisationRegistered' ? [{ scope: 'organisation.code', key: event.data.code }] : [],
};
