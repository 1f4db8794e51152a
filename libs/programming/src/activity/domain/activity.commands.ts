import type { ExternalId, JointProgrammePeriod, LocalisedText } from './activity.events';

/**
 * The descriptive fields as a caller gives them (GraphQL, CSV, IATI). Codes are plain strings:
 * the decider checks them and names every unknown one. Lists and optional values may be left out.
 */
export interface ActivityDetailsInput {
  titles: LocalisedText;
  descriptions?: LocalisedText | null;
  /** Defaults to English when there is an English title, else to the first title's language. */
  language?: string | null;
  organisation: string;
  partners?: { organisation: string; role: string }[] | null;
  country: string;
  areas?: string[] | null;
  policyAreas?: string[] | null;
  guarantees?: string[] | null;
  stages?: string[] | null;
  functions?: string[] | null;
  targetGroups?: string[] | null;
  counterparts?: string[] | null;
  start: string;
  end: string;
  fundingSources?: string[] | null;
  frameworkOutputId?: string | null;
  sdgTargets?: string[] | null;
  genderMarker?: number | null;
  humanRightsMarker?: number | null;
}

export interface BudgetLineInput {
  year: number;
  currency: string;
  required: string;
  /** Defaults to 0. */
  available?: string | null;
  /** Defaults to 0. */
  spent?: string | null;
}

/**
 * The period of the joint programme a command links to, looked up by the command handler in the
 * joint programmes' read model; whatever a caller puts here is replaced by the handler.
 */
interface JointProgrammeFacts {
  jointProgrammePeriod?: JointProgrammePeriod;
}

/**
 * For a revision: the programme the activity is linked to and its period as it is now (it may have
 * been revised since the link), looked up the same way. The decider uses it only when it names the
 * programme the activity's own state links to.
 */
interface LinkedProgrammeFacts {
  linkedProgramme?: { id: string; period: JointProgrammePeriod };
}

/** Everything one can ask of an activity. */
export type ActivityCommand =
  | {
      type: 'RegisterActivity';
      data: ActivityDetailsInput &
        JointProgrammeFacts & {
          /** Defaults to PIPELINE; an import may register an activity in any state. */
          status?: string | null;
          budget?: BudgetLineInput[] | null;
          jointProgrammeId?: string | null;
          externalIds?: ExternalId[] | null;
          /** Defaults to MANUAL. */
          source?: string | null;
        };
    }
  | {
      /**
       * Replaces the descriptive fields (an absent list is emptied), so re-importing the same
       * record changes nothing. Status, joint programme and budget have their own commands and
       * rules: left out they stay as they are; given, they follow the same rules as those commands.
       */
      type: 'ReviseActivity';
      data: ActivityDetailsInput &
        JointProgrammeFacts &
        LinkedProgrammeFacts & {
          status?: string | null;
          budget?: BudgetLineInput[] | null;
          jointProgrammeId?: string | null;
        };
    }
  | { type: 'ChangeActivityStatus'; data: { status: string } }
  | { type: 'LinkActivityToJointProgramme'; data: { jointProgrammeId: string } & JointProgrammeFacts }
  | { type: 'UnlinkActivityFromJointProgramme'; data: { jointProgrammeId: string } }
  /** Records one year's line in one currency, replacing the line recorded before for that year and currency. */
  | { type: 'RecordBudget'; data: BudgetLineInput }
  /** Shows it to anonymous callers; publishing a published activity changes nothing. */
  | { type: 'PublishActivity'; data: Record<string, never> }
  /** Hides it from anonymous callers; unpublishing an unpublished activity changes nothing. */
  | { type: 'UnpublishActivity'; data: Record<string, never> };
