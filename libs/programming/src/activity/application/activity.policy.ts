import { assertNever, ConcordError, type Actor } from '@concord/kernel';
import type { ActivityCommand } from '../domain/activity.commands';
import type { ActivityState } from '../domain/activity.decider';

type Registered = Exclude<ActivityState, { status: 'none' }>;

const forbidden = (message: string) => new ConcordError('FORBIDDEN', 'NOT_ALLOWED', message);

/** An agency editor covers the activities their organisation leads in the countries of their token. */
const agencyCovers = (actor: Actor, scope: { organisation: string; country: string }) =>
  actor.roles.includes('agency-editor') &&
  actor.organisation === scope.organisation &&
  actor.countries.includes(scope.country);

const coordinates = (actor: Actor, country: string) =>
  actor.roles.includes('rco-coordinator') && actor.countries.includes(country);

const manages = (actor: Actor, jointProgrammeId: string | null) =>
  jointProgrammeId !== null &&
  actor.roles.includes('jp-manager') &&
  (actor.jointProgrammes ?? []).includes(jointProgrammeId);

const editors = ({ organisation, country }: { organisation: string; country: string }) =>
  `an agency editor of ${organisation} in ${country}`;

function authorizeRevision(
  command: Extract<ActivityCommand, { type: 'ReviseActivity' }>,
  state: Registered,
  actor: Actor,
): void {
  if (!agencyCovers(actor, state.details)) {
    throw forbidden(`Only a platform admin or ${editors(state.details)} can change this activity`);
  }
  if (!agencyCovers(actor, command.data)) {
    throw forbidden(
      `An agency editor can move an activity only to an organisation and country they cover, not to ${command.data.organisation} in ${command.data.country}`,
    );
  }
}

function authorizeLink(jointProgrammeId: string, state: Registered, actor: Actor, unlinking: boolean): void {
  const { country } = state.details;
  if (agencyCovers(actor, state.details) || coordinates(actor, country)) return;
  // Moving an activity out of one programme into another needs a say over both.
  const current = unlinking ? null : state.jointProgrammeId;
  if (manages(actor, jointProgrammeId) && (current === null || manages(actor, current))) return;
  const managers = current === null ? jointProgrammeId : `${jointProgrammeId} and ${current}`;
  throw forbidden(
    `Only a platform admin, ${editors(state.details)}, an RCO coordinator of ${country} or a manager of ` +
      `joint programme ${managers} can ${unlinking ? 'unlink this activity from' : 'link this activity to'} ${jointProgrammeId}`,
  );
}

/** Whoever may edit an activity may publish it (ADR 0007): its agency, its country's RCO, its JP's managers. */
function authorizePublication(state: Registered, actor: Actor, publish: boolean): void {
  const { country } = state.details;
  if (agencyCovers(actor, state.details) || coordinates(actor, country) || manages(actor, state.jointProgrammeId)) {
    return;
  }
  const rco = `an RCO coordinator of ${country}`;
  const who = state.jointProgrammeId
    ? `${editors(state.details)}, ${rco} or a manager of joint programme ${state.jointProgrammeId}`
    : `${editors(state.details)} or ${rco}`;
  throw forbidden(`Only a platform admin, ${who} can ${publish ? 'publish' : 'unpublish'} this activity`);
}

/**
 * Who may change an activity (issue 3 §3): platform admins and the system (imports, detectors)
 * anything; an agency editor the activities its organisation leads in its countries; an RCO
 * coordinator the status, programme links and publication of activities in their countries; a JP
 * manager the links to their programmes and the publication of their programmes' activities.
 * Decided on the stored values, so nobody edits their way into scope.
 */
export function authorizeActivityCommand(command: ActivityCommand, state: ActivityState, actor: Actor): void {
  if (actor.roles.includes('platform-admin') || actor.roles.includes('system')) return;
  if (command.type === 'RegisterActivity') {
    if (agencyCovers(actor, command.data)) return;
    throw forbidden(`Only a platform admin or ${editors(command.data)} can register this activity`);
  }
  // Nothing to protect: the decider answers that the activity does not exist.
  if (state.status === 'none') return;
  switch (command.type) {
    case 'ReviseActivity':
      return authorizeRevision(command, state, actor);
    case 'RecordBudget':
      if (agencyCovers(actor, state.details)) return;
      throw forbidden(`Only a platform admin or ${editors(state.details)} can record this activity's budget`);
    case 'ChangeActivityStatus':
      if (agencyCovers(actor, state.details) || coordinates(actor, state.details.country)) return;
      throw forbidden(
        `Only a platform admin, ${editors(state.details)} or an RCO coordinator of ${state.details.country} can change this activity's status`,
      );
    case 'LinkActivityToJointProgramme':
      return authorizeLink(command.data.jointProgrammeId, state, actor, false);
    case 'UnlinkActivityFromJointProgramme':
      return authorizeLink(command.data.jointProgrammeId, state, actor, true);
    case 'PublishActivity':
      return authorizePublication(state, actor, true);
    case 'UnpublishActivity':
      return authorizePublication(state, actor, false);
    default:
      return assertNever(command);
  }
}
