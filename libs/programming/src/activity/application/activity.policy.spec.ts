import type { Actor } from '@concord/kernel';
import type { ActivityCommand } from '../domain/activity.commands';
import type { ActivityState } from '../domain/activity.decider';
import type { ActivityDetails } from '../domain/activity.events';
import { authorizeActivityCommand } from './activity.policy';

const details: ActivityDetails = {
  titles: { en: 'Child benefit costing' },
  descriptions: {},
  language: 'en',
  organisation: 'ILO',
  partners: [],
  country: 'KHM',
  areas: [],
  policyAreas: [],
  guarantees: [],
  stages: [],
  functions: [],
  targetGroups: [],
  counterparts: [],
  start: '2020-01-01',
  end: '2021-12-31',
  fundingSources: [],
  frameworkOutputId: null,
  sdgTargets: [],
  genderMarker: null,
  humanRightsMarker: null,
};
const iloInCambodia = (jointProgrammeId: string | null = null): ActivityState => ({
  status: 'PIPELINE',
  details,
  budget: [],
  jointProgrammeId,
  jointProgrammePeriod: null,
  published: false,
});
const none: ActivityState = { status: 'none' };

const actor = (roles: string[], scope: Partial<Actor> = {}): Actor => ({ id: 'u', roles, countries: [], ...scope });
const iloEditor = actor(['agency-editor'], { organisation: 'ILO', countries: ['KHM', 'LAO'] });
const wfpEditor = actor(['agency-editor'], { organisation: 'WFP', countries: ['KHM'] });
const iloEditorElsewhere = actor(['agency-editor'], { organisation: 'ILO', countries: ['MWI'] });
const rcoCambodia = actor(['rco-coordinator'], { countries: ['KHM'] });
const rcoMalawi = actor(['rco-coordinator'], { countries: ['MWI'] });
const jp1Manager = actor(['jp-manager'], { jointProgrammes: ['JP-1'] });
const viewer = actor(['viewer'], { organisation: 'ILO', countries: ['KHM'] });

const register = (organisation = 'ILO', country = 'KHM'): ActivityCommand => ({
  type: 'RegisterActivity',
  data: { titles: { en: 'x' }, organisation, country, start: '2020-01-01', end: '2020-12-31' },
});
const revise = (organisation = 'ILO', country = 'KHM'): ActivityCommand => ({
  type: 'ReviseActivity',
  data: { ...details, organisation, country },
});
const changeStatus: ActivityCommand = { type: 'ChangeActivityStatus', data: { status: 'IMPLEMENTATION' } };
const recordBudget: ActivityCommand = { type: 'RecordBudget', data: { year: 2020, currency: 'USD', required: '1' } };
const link = (jointProgrammeId = 'JP-1'): ActivityCommand => ({
  type: 'LinkActivityToJointProgramme',
  data: { jointProgrammeId },
});
const unlink = (jointProgrammeId = 'JP-1'): ActivityCommand => ({
  type: 'UnlinkActivityFromJointProgramme',
  data: { jointProgrammeId },
});

const allows = (command: ActivityCommand, state: ActivityState, who: Actor) =>
  expect(() => authorizeActivityCommand(command, state, who)).not.toThrow();
const refuses = (command: ActivityCommand, state: ActivityState, who: Actor, message: RegExp) =>
  expect(() => authorizeActivityCommand(command, state, who)).toThrow(
    expect.objectContaining({ kind: 'FORBIDDEN', code: 'NOT_ALLOWED', message: expect.stringMatching(message) }),
  );

const publish: ActivityCommand = { type: 'PublishActivity', data: {} };
const unpublish: ActivityCommand = { type: 'UnpublishActivity', data: {} };

const everyChange = [revise(), changeStatus, recordBudget, link(), unlink(), publish, unpublish];

describe('Who may change an activity', () => {
  it('lets a platform admin and the system do anything', () => {
    for (const who of [actor(['platform-admin']), actor(['system'])]) {
      allows(register('WFP', 'MWI'), none, who);
      for (const command of everyChange) allows(command, iloInCambodia('JP-1'), who);
    }
  });

  describe('an agency editor', () => {
    it('registers and changes activities its organisation leads in its countries', () => {
      allows(register(), none, iloEditor);
      allows(register('ILO', 'LAO'), none, iloEditor);
      for (const command of everyChange) allows(command, iloInCambodia('JP-1'), iloEditor);
    });

    it("is refused another agency's activity, saying who may", () => {
      refuses(register(), none, wfpEditor, /^Only a platform admin or an agency editor of ILO in KHM can register/);
      refuses(revise('WFP'), iloInCambodia(), wfpEditor, /agency editor of ILO in KHM can change this activity$/);
      refuses(recordBudget, iloInCambodia(), wfpEditor, /ILO in KHM can record this activity's budget/);
      refuses(
        changeStatus,
        iloInCambodia(),
        wfpEditor,
        /or an RCO coordinator of KHM can change this activity's status/,
      );
      refuses(link(), iloInCambodia(), wfpEditor, /a manager of joint programme JP-1 can link this activity to JP-1$/);
      refuses(unlink(), iloInCambodia('JP-1'), wfpEditor, /can unlink this activity from JP-1$/);
      refuses(
        publish,
        iloInCambodia(),
        wfpEditor,
        /^Only a platform admin, an agency editor of ILO in KHM or an RCO coordinator of KHM can publish this activity$/,
      );
      refuses(
        unpublish,
        iloInCambodia('JP-1'),
        wfpEditor,
        /an RCO coordinator of KHM or a manager of joint programme JP-1 can unpublish this activity$/,
      );
    });

    it("is refused its own organisation's activity in a country it does not cover", () => {
      refuses(register(), none, iloEditorElsewhere, /agency editor of ILO in KHM can register/);
      refuses(revise(), iloInCambodia(), iloEditorElsewhere, /agency editor of ILO in KHM can change/);
      refuses(publish, iloInCambodia(), iloEditorElsewhere, /agency editor of ILO in KHM or .* can publish/);
    });

    it('may not move an activity to an organisation or country it does not cover', () => {
      refuses(
        revise('WFP'),
        iloInCambodia(),
        iloEditor,
        /only to an organisation and country they cover, not to WFP in KHM$/,
      );
      refuses(revise('ILO', 'MWI'), iloInCambodia(), iloEditor, /not to ILO in MWI$/);
      allows(revise('ILO', 'LAO'), iloInCambodia(), iloEditor);
    });
  });

  describe('an RCO coordinator', () => {
    it("changes the status, programme links and publication of activities in the coordinator's country", () => {
      for (const command of [changeStatus, link(), unlink(), publish, unpublish]) {
        allows(command, iloInCambodia('JP-1'), rcoCambodia);
      }
    });

    it('is refused registering, revising and budgets, and any activity of another country', () => {
      refuses(register(), none, rcoCambodia, /can register this activity/);
      refuses(revise(), iloInCambodia(), rcoCambodia, /can change this activity$/);
      refuses(recordBudget, iloInCambodia(), rcoCambodia, /can record this activity's budget/);
      refuses(changeStatus, iloInCambodia(), rcoMalawi, /RCO coordinator of KHM/);
      refuses(link(), iloInCambodia(), rcoMalawi, /RCO coordinator of KHM/);
      refuses(publish, iloInCambodia(), rcoMalawi, /RCO coordinator of KHM can publish this activity$/);
    });
  });

  describe('a joint programme manager', () => {
    it('links activities to and unlinks them from the programmes they manage', () => {
      allows(link('JP-1'), iloInCambodia(), jp1Manager);
      allows(unlink('JP-1'), iloInCambodia('JP-1'), jp1Manager);
    });

    it("publishes and unpublishes their programmes' activities, and no others", () => {
      allows(publish, iloInCambodia('JP-1'), jp1Manager);
      allows(unpublish, iloInCambodia('JP-1'), jp1Manager);
      refuses(publish, iloInCambodia('JP-2'), jp1Manager, /or a manager of joint programme JP-2 can publish/);
      refuses(publish, iloInCambodia(), jp1Manager, /or an RCO coordinator of KHM can publish this activity$/);
    });

    it('is refused another programme, and moving an activity out of a programme they do not manage', () => {
      refuses(link('JP-2'), iloInCambodia(), jp1Manager, /manager of joint programme JP-2 can link/);
      refuses(unlink('JP-2'), iloInCambodia('JP-2'), jp1Manager, /manager of joint programme JP-2 can unlink/);
      refuses(link('JP-1'), iloInCambodia('JP-2'), jp1Manager, /manager of joint programme JP-1 and JP-2 can link/);
    });

    it('is refused every other change', () => {
      refuses(register(), none, jp1Manager, /can register/);
      refuses(revise(), iloInCambodia('JP-1'), jp1Manager, /can change this activity$/);
      refuses(changeStatus, iloInCambodia('JP-1'), jp1Manager, /can change this activity's status/);
      refuses(recordBudget, iloInCambodia('JP-1'), jp1Manager, /can record/);
    });
  });

  it('refuses viewers and callers without a role, whatever their organisation and countries', () => {
    for (const who of [viewer, actor([], { organisation: 'ILO', countries: ['KHM'] })]) {
      refuses(
        register(),
        none,
        who,
        /^Only a platform admin or an agency editor of ILO in KHM can register this activity$/,
      );
      for (const command of everyChange) refuses(command, iloInCambodia('JP-1'), who, /^Only a platform admin/);
    }
  });

  it('leaves a change to an activity that does not exist to the decider (NOT_FOUND)', () =>
    allows(changeStatus, none, viewer));
});
