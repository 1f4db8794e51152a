import type { DomainEvent } from '@concord/kernel';

export type MandateAreaKind = 'POLICY_AREA' | 'GUARANTEE' | 'SDG_GOAL';
export type MandateLevel = 'LEAD' | 'CORE' | 'CONTRIBUTING';
export type Residency = 'RESIDENT' | 'NON_RESIDENT';

export interface LocalisedNames {
  en?: string;
  fr?: string;
  es?: string;
}

export interface MandateArea {
  kind: MandateAreaKind;
  code: string;
}

/** Everything that can happen to an organisation. */
export type OrganisationEvent =
  | DomainEvent<
      'OrganisationRegistered',
      {
        code: string;
        name: string;
        names: LocalisedNames;
        type: string;
        iatiOrgId?: string;
        parentId?: string;
      }
    >
  | DomainEvent<'OrganisationRenamed', { name: string; names: LocalisedNames }>
  | DomainEvent<'MandateDeclared', { area: MandateArea; level: MandateLevel }>
  | DomainEvent<'MandateWithdrawn', { area: MandateArea }>
  | DomainEvent<'CountryPresenceEstablished', { country: string; residency: Residency; office?: string }>
  | DomainEvent<'CountryPresenceClosed', { country: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<OrganisationEvent['type'], true> = {
  OrganisationRegistered: true,
  OrganisationRenamed: true,
  MandateDeclared: true,
  MandateWithdrawn: true,
  CountryPresenceEstablished: true,
  CountryPresenceClosed: true,
};
export const ORGANISATION_EVENT_TYPES = Object.keys(EVENT_TYPES) as OrganisationEvent['type'][];
