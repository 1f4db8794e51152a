import type { DomainEvent } from '@concord/kernel';
import type {
  ActivityFunction,
  ActivityStatus,
  DeliveryStage,
  Guarantee,
  OrganisationRole,
  PolicyArea,
  TargetGroup,
} from '@concord/reference';

/** Languages an activity may be written in (ISO 639-1, FORMAT.md). */
export const LANGUAGES = ['en', 'fr', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export type LocalisedText = Partial<Record<Language, string>>;

/** Where an activity's record came from. */
export const ACTIVITY_SOURCES = ['MANUAL', 'CSV', 'IATI'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

export interface Partner {
  /** Organisation code, e.g. UNICEF. */
  organisation: string;
  role: OrganisationRole;
}

/** One year of money in one currency; amounts are decimal strings with two decimals, never floats. */
export interface BudgetLine {
  year: number;
  currency: string;
  required: string;
  available: string;
  spent: string;
}

/** An identifier of the activity in another system, e.g. { system: 'IATI', id: 'XM-DAC-41122-KHM-1' }. */
export interface ExternalId {
  system: string;
  id: string;
}

/** A joint programme's period as its read model knows it; a bound may be unknown. */
export interface JointProgrammePeriod {
  start?: string;
  end?: string;
}

/** What an activity says about itself: everything a revision replaces. */
export interface ActivityDetails {
  titles: LocalisedText;
  descriptions: LocalisedText;
  /** The language the activity was first written in; its title exists in that language. */
  language: Language;
  /** Lead organisation code. */
  organisation: string;
  partners: Partner[];
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** Sub-national areas, free text. */
  areas: string[];
  policyAreas: PolicyArea[];
  guarantees: Guarantee[];
  stages: DeliveryStage[];
  functions: ActivityFunction[];
  targetGroups: TargetGroup[];
  /** Government counterpart ministries. */
  counterparts: string[];
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  fundingSources: string[];
  frameworkOutputId: string | null;
  sdgTargets: string[];
  /** UN INFO gender equality marker, 0–3. */
  genderMarker: number | null;
  /** UN INFO human rights marker, 0–3. */
  humanRightsMarker: number | null;
}

/** Everything that can happen to an activity. */
export type ActivityEvent =
  | DomainEvent<
      'ActivityRegistered',
      ActivityDetails & {
        status: ActivityStatus;
        budget: BudgetLine[];
        jointProgrammeId: string | null;
        /** The linked programme's period when it was checked, so later revisions stay inside it. */
        jointProgrammePeriod: JointProgrammePeriod | null;
        externalIds: ExternalId[];
        source: ActivitySource;
      }
    >
  /** Only the fields that changed; a cleared optional value is null. */
  | DomainEvent<'ActivityRevised', Partial<ActivityDetails & { budget: BudgetLine[] }>>
  | DomainEvent<'ActivityStatusChanged', { from: ActivityStatus; to: ActivityStatus }>
  | DomainEvent<
      'ActivityLinkedToJointProgramme',
      { jointProgrammeId: string; jointProgrammePeriod: JointProgrammePeriod | null }
    >
  | DomainEvent<'ActivityUnlinkedFromJointProgramme', { jointProgrammeId: string }>
  | DomainEvent<'ActivityBudgetRecorded', BudgetLine>
  /** Anonymous callers see it from now on (ADR 0007); a new activity is unpublished. */
  | DomainEvent<'ActivityPublished', Record<string, never>>
  /** Anonymous callers no longer see it. */
  | DomainEvent<'ActivityUnpublished', Record<string, never>>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<ActivityEvent['type'], true> = {
  ActivityRegistered: true,
  ActivityRevised: true,
  ActivityStatusChanged: true,
  ActivityLinkedToJointProgramme: true,
  ActivityUnlinkedFromJointProgramme: true,
  ActivityBudgetRecorded: true,
  ActivityPublished: true,
  ActivityUnpublished: true,
};
export const ACTIVITY_EVENT_TYPES = Object.keys(EVENT_TYPES) as ActivityEvent['type'][];
