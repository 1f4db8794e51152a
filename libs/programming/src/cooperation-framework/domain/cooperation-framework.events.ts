import type { DomainEvent } from '@concord/kernel';

export type CooperationFrameworkStatus = 'DRAFT' | 'ACTIVE' | 'CLOSED';
export type FrameworkResultKind = 'STRATEGIC_PRIORITY' | 'OUTCOME' | 'OUTPUT';

/** A results indicator; baseline and target are decimal strings, never floats. */
export interface Indicator {
  code: string;
  name: string;
  baseline: string;
  target: string;
  unit: string;
}

/** Everything that can happen to a Cooperation Framework (UNSDCF / UNDAF) and its results hierarchy. */
export type CooperationFrameworkEvent =
  | DomainEvent<
      'CooperationFrameworkCreated',
      { code: string; title: string; countries: string[]; startDate: string; endDate: string }
    >
  | DomainEvent<'FrameworkStrategicPriorityAdded', { code: string; title: string; sdgTargets: string[] }>
  | DomainEvent<'FrameworkOutcomeAdded', { priorityCode: string; code: string; title: string; sdgTargets: string[] }>
  | DomainEvent<'FrameworkOutputAdded', { outcomeCode: string; code: string; title: string; sdgTargets: string[] }>
  | DomainEvent<'FrameworkIndicatorDefined', { resultCode: string; indicator: Indicator }>
  | DomainEvent<'CooperationFrameworkActivated', Record<string, never>>
  | DomainEvent<'CooperationFrameworkClosed', Record<string, never>>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<CooperationFrameworkEvent['type'], true> = {
  CooperationFrameworkCreated: true,
  FrameworkStrategicPriorityAdded: true,
  FrameworkOutcomeAdded: true,
  FrameworkOutputAdded: true,
  FrameworkIndicatorDefined: true,
  CooperationFrameworkActivated: true,
  CooperationFrameworkClosed: true,
};
export const COOPERATION_FRAMEWORK_EVENT_TYPES = Object.keys(EVENT_TYPES) as CooperationFrameworkEvent['type'][];

/**
 * The id of a strategic priority, outcome or output: `${frameworkId}:${code}` (codes are unique
 * within a framework). Joint programmes and activities link to outputs and outcomes by this id.
 */
export const frameworkResultId = (frameworkId: string, code: string): string => `${frameworkId}:${code}`;
