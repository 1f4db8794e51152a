import type { Indicator } from './cooperation-framework.events';

/** Everything one can ask of a Cooperation Framework. */
export type CooperationFrameworkCommand =
  | {
      type: 'CreateCooperationFramework';
      data: { code: string; title: string; countries: string[]; startDate: string; endDate: string };
    }
  | { type: 'AddStrategicPriority'; data: { code: string; title: string; sdgTargets?: string[] } }
  | { type: 'AddOutcome'; data: { priorityCode: string; code: string; title: string; sdgTargets?: string[] } }
  | { type: 'AddOutput'; data: { outcomeCode: string; code: string; title: string; sdgTargets?: string[] } }
  | { type: 'DefineIndicator'; data: { resultCode: string; indicator: Indicator } }
  | { type: 'ActivateCooperationFramework'; data: Record<string, never> }
  | { type: 'CloseCooperationFramework'; data: Record<string, never> };
