import { ConcordError, type Actor } from '@concord/kernel';
import {
  countryList,
  isPlatformAdmin,
  isRcoCoordinatorOf,
} from '../../cooperation-framework/application/cooperation-framework.policy';
import type { JointProgrammeCommand } from '../domain/joint-programme.commands';
import type { JointProgrammeState } from '../domain/joint-programme.decider';

type CommandType = JointProgrammeCommand['type'];

/**
 * A JP manager keeps the programme's data and reports, and decides whether the public sees them
 * (whoever may edit a programme may publish it, ADR 0007); approval decisions are not theirs.
 */
const MANAGER_COMMANDS: CommandType[] = [
  'ReviseJointProgramme',
  'LinkFrameworkResults',
  'RecordProgressReport',
  'PublishJointProgramme',
  'UnpublishJointProgramme',
];

const ACTION: Record<CommandType, string> = {
  DraftJointProgramme: 'draft',
  ReviseJointProgramme: 'revise',
  SubmitJointProgramme: 'submit',
  ApproveJointProgramme: 'approve',
  RejectJointProgramme: 'reject',
  ActivateJointProgramme: 'activate',
  CloseJointProgrammeOperationally: 'operationally close',
  CloseJointProgrammeFinancially: 'financially close',
  CancelJointProgramme: 'cancel',
  LinkFrameworkResults: 'link framework results to',
  RecordProgressReport: 'record progress reports for',
  PublishJointProgramme: 'publish',
  UnpublishJointProgramme: 'unpublish',
};

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** An RCO coordinator may not revise a programme into countries none of which are theirs. */
const staysInRemit = (command: JointProgrammeCommand, actor: Actor) =>
  command.type !== 'ReviseJointProgramme' ||
  command.data.countries === undefined ||
  command.data.countries === null ||
  isRcoCoordinatorOf(actor, command.data.countries);

const managesIt = (command: JointProgrammeCommand, actor: Actor, jointProgrammeId: string) =>
  MANAGER_COMMANDS.includes(command.type) &&
  actor.roles.includes('jp-manager') &&
  (actor.jointProgrammes ?? []).includes(jointProgrammeId);

/**
 * Who may change a joint programme: platform admins; the RCO coordinators of one of its countries
 * (drafting, revising, every transition, publication); its JP managers (revising, linking results,
 * reporting, publication).
 */
export function authorizeJointProgrammeCommand(
  command: JointProgrammeCommand,
  state: JointProgrammeState,
  actor: Actor,
  jointProgrammeId: string,
): void {
  if (isPlatformAdmin(actor)) return;
  const countries =
    command.type === 'DraftJointProgramme'
      ? command.data.countries
      : state.status === 'none'
        ? undefined
        : state.details.countries;
  // Nothing to protect in a programme that does not exist: the decider answers NOT_FOUND.
  if (countries === undefined) return;
  if (isRcoCoordinatorOf(actor, countries) && staysInRemit(command, actor)) return;
  if (managesIt(command, actor, jointProgrammeId)) return;
  if (isRcoCoordinatorOf(actor, countries)) {
    throw forbidden(
      `An RCO coordinator of ${countryList(actor.countries)} cannot move this joint programme out of their countries`,
    );
  }
  const managers = MANAGER_COMMANDS.includes(command.type) ? ', a manager of this joint programme' : '';
  throw forbidden(
    `Only a platform admin${managers} or an RCO coordinator of ${countryList(countries)} can ${ACTION[command.type]} this joint programme`,
  );
}
