import type { Actor } from '@concord/kernel';
import type { FundCommand } from '../domain/fund.commands';
import type { FundState } from '../domain/fund.decider';
import { authorizeFundCommand } from './fund.policy';

const sdgFund: FundState = {
  status: 'ACTIVE',
  code: 'JOINT_SDG_FUND',
  details: {
    name: 'Joint SDG Fund',
    kind: 'POOLED_FUND',
    managingOrganisation: 'UNMPTFO',
    contributors: [],
    windows: [],
    target: null,
    start: null,
    end: null,
  },
};
const none: FundState = { status: 'none' };
const actor = (roles: string[], organisation?: string): Actor => ({ id: 'u', roles, countries: [], organisation });
const establish = (managingOrganisation: string): FundCommand => ({
  type: 'EstablishFund',
  data: { code: 'F', name: 'F', kind: 'TRUST_FUND', managingOrganisation },
});
const rename: FundCommand = { type: 'ReviseFund', data: { name: 'Joint SDG Fund II' } };
const close: FundCommand = { type: 'CloseFund', data: {} };

const allowed = (command: FundCommand, state: FundState, who: Actor) =>
  expect(() => authorizeFundCommand(command, state, who)).not.toThrow();
const refused = (command: FundCommand, state: FundState, who: Actor, message: RegExp) =>
  expect(() => authorizeFundCommand(command, state, who)).toThrow(
    expect.objectContaining({ kind: 'FORBIDDEN', code: 'NOT_ALLOWED', message: expect.stringMatching(message) }),
  );

describe('Who may change a fund', () => {
  it('lets a platform admin and the system establish, revise, hand over and close any fund', () => {
    for (const who of [actor(['platform-admin']), actor(['system'])]) {
      allowed(establish('ILO'), none, who);
      allowed(rename, sdgFund, who);
      allowed({ type: 'ReviseFund', data: { managingOrganisation: 'UNDP' } }, sdgFund, who);
      allowed(close, sdgFund, who);
    }
  });

  it('lets an agency editor establish, revise and close the funds their organisation manages', () => {
    const mptfoEditor = actor(['agency-editor'], 'UNMPTFO');
    allowed(establish('UNMPTFO'), none, mptfoEditor);
    allowed(rename, sdgFund, mptfoEditor);
    allowed({ type: 'ReviseFund', data: { managingOrganisation: 'UNMPTFO' } }, sdgFund, mptfoEditor);
    allowed(close, sdgFund, mptfoEditor);
  });

  it("refuses an agency editor another organisation's funds, naming who may", () => {
    const iloEditor = actor(['agency-editor'], 'ILO');
    const onlyMptfo = /^Only a platform admin or an agency editor of UNMPTFO can change funds managed by UNMPTFO$/;
    refused(establish('UNMPTFO'), none, iloEditor, onlyMptfo);
    refused(rename, sdgFund, iloEditor, onlyMptfo);
    refused(close, sdgFund, iloEditor, onlyMptfo);
    refused(rename, sdgFund, actor(['agency-editor']), onlyMptfo);
  });

  it('leaves handing a fund over to another organisation to platform admins', () =>
    refused(
      { type: 'ReviseFund', data: { managingOrganisation: 'ILO' } },
      sdgFund,
      actor(['agency-editor'], 'UNMPTFO'),
      /^Only a platform admin can hand a fund managed by UNMPTFO over to ILO$/,
    ));

  it('refuses viewers, RCO coordinators and callers without a role', () => {
    refused(rename, sdgFund, actor(['viewer'], 'UNMPTFO'), /agency editor of UNMPTFO/);
    refused(close, sdgFund, actor(['rco-coordinator']), /agency editor of UNMPTFO/);
    refused(rename, none, actor([]), /^Only a platform admin or an agency editor of the managing organisation/);
  });

  it('leaves an unknown fund to the decider (NOT_FOUND) for those who could change one', () =>
    allowed(rename, none, actor(['agency-editor'], 'ILO')));
});
