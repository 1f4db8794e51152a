import type { Actor } from '@concord/kernel';
import type { JointProgrammeCommand } from '../domain/joint-programme.commands';
import type { JointProgrammeState } from '../domain/joint-programme.decider';
import { authorizeJointProgrammeCommand } from './joint-programme.policy';

const JP_ID = 'jp-1';
const malawi: JointProgrammeState = {
  status: 'SUBMITTED',
  code: 'JP-MWI',
  details: {
    title: 'Social protection in Malawi',
    countries: ['MWI', 'ZMB'],
    participants: [],
    counterparts: [],
    fundingSources: [],
    policyAreas: [],
    targetGroups: [],
    sdgTargets: [],
  },
  links: {},
  reports: {},
  published: false,
};
const actor = (roles: string[], countries: string[] = [], jointProgrammes?: string[]): Actor => ({
  id: 'u',
  roles,
  countries,
  jointProgrammes,
});
const draft: JointProgrammeCommand = {
  type: 'DraftJointProgramme',
  data: { code: 'JP-MWI', title: 'Social protection in Malawi', countries: ['MWI'] },
};
const revise: JointProgrammeCommand = { type: 'ReviseJointProgramme', data: { title: 'New title' } };
const approve: JointProgrammeCommand = { type: 'ApproveJointProgramme', data: {} };
const reject: JointProgrammeCommand = { type: 'RejectJointProgramme', data: { reason: 'x' } };
const link: JointProgrammeCommand = { type: 'LinkFrameworkResults', data: { results: [] } };
const report: JointProgrammeCommand = { type: 'RecordProgressReport', data: { period: '2021' } };
const publish: JointProgrammeCommand = { type: 'PublishJointProgramme', data: {} };
const unpublish: JointProgrammeCommand = { type: 'UnpublishJointProgramme', data: {} };

const decide =
  (command: JointProgrammeCommand, who: Actor, state: JointProgrammeState = malawi) =>
  () =>
    authorizeJointProgrammeCommand(command, state, who, JP_ID);
const allowed = (command: JointProgrammeCommand, who: Actor, state?: JointProgrammeState) =>
  expect(decide(command, who, state)).not.toThrow();
const refused = (command: JointProgrammeCommand, who: Actor, says: RegExp, state?: JointProgrammeState) =>
  expect(decide(command, who, state)).toThrow(
    expect.objectContaining({ kind: 'FORBIDDEN', message: expect.stringMatching(says) }),
  );

describe('Who may change a joint programme', () => {
  it('lets a platform admin and the system do anything', () => {
    allowed(draft, actor(['platform-admin']), { status: 'none' });
    allowed(approve, actor(['platform-admin']));
    allowed(reject, actor(['system']));
  });

  describe('RCO coordinators', () => {
    const mwiRco = actor(['rco-coordinator'], ['MWI']);

    it('draft, revise and move through the lifecycle programmes of one of their countries', () => {
      allowed(draft, mwiRco, { status: 'none' });
      allowed(revise, mwiRco);
      allowed(approve, mwiRco);
      allowed(reject, actor(['rco-coordinator'], ['ZMB']));
      allowed(link, mwiRco);
      allowed(report, mwiRco);
      allowed(publish, mwiRco);
      allowed(unpublish, actor(['rco-coordinator'], ['ZMB']));
    });

    it('are refused programmes of other countries, with a message saying who may', () => {
      refused(
        draft,
        actor(['rco-coordinator'], ['KHM']),
        /^Only a platform admin or an RCO coordinator of MWI can draft/,
        {
          status: 'none',
        },
      );
      refused(
        approve,
        actor(['rco-coordinator'], ['KHM']),
        /^Only a platform admin or an RCO coordinator of MWI or ZMB can approve this joint programme$/,
      );
      refused(
        publish,
        actor(['rco-coordinator'], ['KHM']),
        /^Only a platform admin, a manager of this joint programme or an RCO coordinator of MWI or ZMB can publish this joint programme$/,
      );
    });

    it('may not revise a programme out of their countries', () =>
      refused(
        { type: 'ReviseJointProgramme', data: { countries: ['KHM'] } },
        mwiRco,
        /RCO coordinator of MWI cannot move this joint programme out of their countries/,
      ));
  });

  describe('JP managers', () => {
    const manager = actor(['jp-manager'], [], [JP_ID]);

    it("revise their programme's data, link its results, record its reports and publish it", () => {
      allowed(revise, manager);
      allowed(link, manager);
      allowed(report, manager);
      allowed(publish, manager);
      allowed(unpublish, manager);
    });

    it('may not approve, reject or draft', () => {
      refused(approve, manager, /^Only a platform admin or an RCO coordinator of MWI or ZMB can approve/);
      refused(reject, manager, /can reject this joint programme/);
      refused(draft, manager, /can draft/, { status: 'none' });
    });

    it("may not touch another programme's data", () =>
      refused(
        report,
        actor(['jp-manager'], [], ['jp-2']),
        /^Only a platform admin, a manager of this joint programme or an RCO coordinator of MWI or ZMB can record progress reports/,
      ));

    it('may not publish or unpublish another programme', () => {
      refused(publish, actor(['jp-manager'], [], ['jp-2']), /a manager of this joint programme .* can publish/);
      refused(unpublish, actor(['jp-manager'], [], ['jp-2']), /can unpublish this joint programme$/);
    });
  });

  it('refuses agency editors and viewers', () => {
    refused(revise, actor(['agency-editor'], ['MWI']), /a manager of this joint programme/);
    refused(report, actor(['viewer'], ['MWI']), /a manager of this joint programme/);
    refused(publish, actor(['agency-editor'], ['MWI']), /can publish this joint programme$/);
    refused(unpublish, actor(['viewer'], ['MWI']), /can unpublish this joint programme$/);
  });

  it('leaves a command on a programme that does not exist to the decider (NOT_FOUND)', () =>
    allowed(approve, actor(['viewer']), { status: 'none' }));
});
