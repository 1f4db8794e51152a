import type { DomainEvent } from '@concord/kernel';
import type { FrameworkResultKind } from '../../cooperation-framework/domain/cooperation-framework.events';

export type JointProgrammeStatus =
  | 'CONCEPT'
  | 'SUBMITTED'
  | 'APPROVED'
  | 'ACTIVE'
  | 'OPERATIONALLY_CLOSED'
  | 'FINANCIALLY_CLOSED'
  | 'REJECTED'
  | 'CANCELLED';
export type ParticipantRole = 'LEAD' | 'PARTICIPATING';

/** A participating UN organisation (PUNO); its share of the budget is a decimal percentage string. */
export interface Participant {
  organisation: string;
  role: ParticipantRole;
  /** Absent while the shares are not agreed; then absent for every participant. */
  budgetShare?: string;
}

/** What a concept note says about a programme; everything a revision may change. */
export interface JointProgrammeDetails {
  title: string;
  countries: string[];
  /** The participant with role LEAD. */
  leadOrganisation?: string;
  participants: Participant[];
  counterparts: string[];
  fundingSources: string[];
  startDate?: string;
  endDate?: string;
  policyAreas: string[];
  targetGroups: string[];
  sdgTargets: string[];
  genderMarker?: number;
}

/** A framework outcome or output, with the countries its framework covers when it was linked. */
export interface LinkedFrameworkResult {
  id: string;
  kind: Extract<FrameworkResultKind, 'OUTCOME' | 'OUTPUT'>;
  frameworkCode: string;
  code: string;
  countries: string[];
}

export interface IndicatorActual {
  indicatorCode: string;
  actual: string;
}
export interface AgencyExpenditure {
  organisation: string;
  currency: string;
  amount: string;
}
export interface AgencyNarrative {
  organisation: string;
  text: string;
}

/** One period's progress: indicator actuals, expenditure and narrative by agency. */
export interface ProgressReport {
  /** '2024', '2024-H1' or '2024-Q3' */
  period: string;
  indicatorActuals: IndicatorActual[];
  expenditure: AgencyExpenditure[];
  narratives: AgencyNarrative[];
}

/** Everything that can happen to a joint programme. */
export type JointProgrammeEvent =
  | DomainEvent<'JointProgrammeDrafted', { code: string } & JointProgrammeDetails>
  /** The details after the revision, whole (so a cleared field is plain), and which fields changed. */
  | DomainEvent<'JointProgrammeRevised', { changed: (keyof JointProgrammeDetails)[]; details: JointProgrammeDetails }>
  | DomainEvent<'JointProgrammeSubmitted', Record<string, never>>
  | DomainEvent<'JointProgrammeApproved', Record<string, never>>
  | DomainEvent<'JointProgrammeRejected', { reason: string }>
  | DomainEvent<'JointProgrammeActivated', Record<string, never>>
  | DomainEvent<'JointProgrammeOperationallyClosed', Record<string, never>>
  | DomainEvent<'JointProgrammeFinanciallyClosed', Record<string, never>>
  | DomainEvent<'JointProgrammeCancelled', { reason: string }>
  | DomainEvent<'JointProgrammeResultsLinked', { results: LinkedFrameworkResult[] }>
  | DomainEvent<'JointProgrammeProgressReported', ProgressReport>
  /** A second report for a period already reported replaces it; the first stays in the stream. */
  | DomainEvent<'JointProgrammeProgressReportRevised', ProgressReport>
  /** Anonymous callers see it from now on (ADR 0007); a new programme is unpublished. */
  | DomainEvent<'JointProgrammePublished', Record<string, never>>
  /** Anonymous callers no longer see it. */
  | DomainEvent<'JointProgrammeUnpublished', Record<string, never>>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<JointProgrammeEvent['type'], true> = {
  JointProgrammeDrafted: true,
  JointProgrammeRevised: true,
  JointProgrammeSubmitted: true,
  JointProgrammeApproved: true,
  JointProgrammeRejected: true,
  JointProgrammeActivated: true,
  JointProgrammeOperationallyClosed: true,
  JointProgrammeFinanciallyClosed: true,
  JointProgrammeCancelled: true,
  JointProgrammeResultsLinked: true,
  JointProgrammeProgressReported: true,
  JointProgrammeProgressReportRevised: true,
  JointProgrammePublished: true,
  JointProgrammeUnpublished: true,
};
export const JOINT_PROGRAMME_EVENT_TYPES = Object.keys(EVENT_TYPES) as JointProgrammeEvent['type'][];
