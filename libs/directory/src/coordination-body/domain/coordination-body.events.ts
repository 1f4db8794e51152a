import type { DomainEvent } from '@concord/kernel';
import type { InteractionLevel } from '@concord/reference';
import type { LocalisedNames } from '../../organisation/domain/organisation.events';

export type BodyKind =
  | 'UNCT'
  | 'RESULTS_GROUP'
  | 'SP_WORKING_GROUP'
  | 'ISSUE_BASED_COALITION'
  | 'GOVERNMENT_COMMITTEE'
  | 'DONOR_GROUP'
  | 'OTHER';
export type Cadence = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'BIANNUAL' | 'ANNUAL' | 'AD_HOC';
export type BodyStatus = 'ACTIVE' | 'DISSOLVED';

export const BODY_KINDS: readonly BodyKind[] = [
  'UNCT',
  'RESULTS_GROUP',
  'SP_WORKING_GROUP',
  'ISSUE_BASED_COALITION',
  'GOVERNMENT_COMMITTEE',
  'DONOR_GROUP',
  'OTHER',
];
export const CADENCES: readonly Cadence[] = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'BIANNUAL', 'ANNUAL', 'AD_HOC'];

/** Where a body works: exactly one of a country (ISO3) or a region code such as ASIA_PACIFIC. */
export interface BodyScope {
  country?: string;
  region?: string;
}

/** The body's terms of reference as they stand after a change; cadence is how often it meets. */
export interface TermsOfReference {
  text?: string;
  url?: string;
  cadence?: Cadence;
}

/**
 * Everything that can happen to a coordination body. Event types carry a Body/CoordinationBody
 * prefix because projections pick events by type across all contexts.
 */
export type CoordinationBodyEvent =
  | DomainEvent<
      'CoordinationBodyEstablished',
      BodyScope & { name: string; names: LocalisedNames; kind: BodyKind; cadence?: Cadence }
    >
  | DomainEvent<'CoordinationBodyRenamed', { name: string; names: LocalisedNames }>
  | DomainEvent<'BodyMemberAdmitted', { organisation: string; since: string }>
  | DomainEvent<'BodyMemberRemoved', { organisation: string }>
  | DomainEvent<'BodyChairAppointed', { organisation: string }>
  | DomainEvent<'BodyChairRelieved', { organisation: string }>
  | DomainEvent<'BodyTermsOfReferenceSet', TermsOfReference>
  /** Doc 001's level of interaction between two members; `a` sorts before `b` (the pair is unordered). */
  | DomainEvent<'BodyInteractionLevelRecorded', { a: string; b: string; level: InteractionLevel }>
  /** Who takes which topic, as agreed in the body; `seq` numbers the records of one body from 1. */
  | DomainEvent<'BodyDivisionOfLabourRecorded', { seq: number; organisations: string[]; topic: string; note?: string }>
  | DomainEvent<'CoordinationBodyDissolved', { on: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<CoordinationBodyEvent['type'], true> = {
  CoordinationBodyEstablished: true,
  CoordinationBodyRenamed: true,
  BodyMemberAdmitted: true,
  BodyMemberRemoved: true,
  BodyChairAppointed: true,
  BodyChairRelieved: true,
  BodyTermsOfReferenceSet: true,
  BodyInteractionLevelRecorded: true,
  BodyDivisionOfLabourRecorded: true,
  CoordinationBodyDissolved: true,
};
export const COORDINATION_BODY_EVENT_TYPES = Object.keys(EVENT_TYPES) as CoordinationBodyEvent['type'][];
