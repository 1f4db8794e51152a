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

export const ORGANISATION_EVENT_TYPES: OrganisationEvent['type'][] = [
  'OrganisationRegistered',
  'OrganisationRenamed',
  'MandateDeclared',
  'MandateWithdrawn',
  'CountryPresenceEstablished',
  'CountryPresenceClosed',
];
