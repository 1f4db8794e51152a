import type { FrameworkResultKind } from '../../cooperation-framework/domain/cooperation-framework.events';
import type { JointProgrammeDetails, Participant, ProgressReport } from './joint-programme.events';

/** The details as a command gives them: lists may be left out. */
export type JointProgrammeDetailsInput = Pick<JointProgrammeDetails, 'title' | 'countries'> &
  Partial<Omit<JointProgrammeDetails, 'title' | 'countries' | 'participants'>> & { participants?: Participant[] };

/**
 * A framework result as the command handler found it in the framework read model; the decider
 * checks it may be linked (kind, countries).
 */
export interface FrameworkResultFacts {
  id: string;
  kind: FrameworkResultKind;
  frameworkCode: string;
  code: string;
  countries: string[];
}

/** A linked activity's dates, as the command handler found them in the activity read model. */
export interface LinkedActivityDates {
  id: string;
  title: string;
  start: string;
  end: string;
}

/**
 * The linked activities that reach furthest out of a programme (earliest start, latest end); a
 * revised period must still hold them. Absent when no activity is linked.
 */
export interface LinkedActivitySpan {
  earliest: LinkedActivityDates;
  latest: LinkedActivityDates;
}

/** A progress report as a command gives it: the lists may be left out. */
export type ProgressReportInput = Pick<ProgressReport, 'period'> & Partial<Omit<ProgressReport, 'period'>>;

type Transition<T extends string> = { type: T; data: Record<string, never> };

/** Everything one can ask of a joint programme. */
export type JointProgrammeCommand =
  | { type: 'DraftJointProgramme'; data: { code: string } & JointProgrammeDetailsInput }
  | { type: 'ReviseJointProgramme'; data: Partial<JointProgrammeDetailsInput>; linkedActivities?: LinkedActivitySpan }
  | Transition<'SubmitJointProgramme'>
  | Transition<'ApproveJointProgramme'>
  | { type: 'RejectJointProgramme'; data: { reason: string } }
  | Transition<'ActivateJointProgramme'>
  | Transition<'CloseJointProgrammeOperationally'>
  | Transition<'CloseJointProgrammeFinancially'>
  | { type: 'CancelJointProgramme'; data: { reason: string } }
  | { type: 'LinkFrameworkResults'; data: { results: FrameworkResultFacts[] } }
  | { type: 'RecordProgressReport'; data: ProgressReportInput }
  | Transition<'PublishJointProgramme'>
  | Transition<'UnpublishJointProgramme'>;
