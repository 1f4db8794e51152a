import type { Actor } from '@concord/kernel';
import type { CallCommand, FundFacts } from '../domain/call.commands';
import type { CallState } from '../domain/call.decider';
import { authorizeCallCommand } from './call.policy';

const sdgFund: FundFacts = {
  id: 'fund-1',
  code: 'JOINT_SDG_FUND',
  status: 'ACTIVE',
  managingOrganisation: 'UNMPTFO',
  windows: ['SP_LNOB'],
};
const firstCall: CallState = {
  status: 'ANNOUNCED',
  fundId: 'fund-1',
  fundCode: 'JOINT_SDG_FUND',
  managingOrganisation: 'UNMPTFO',
  window: 'SP_LNOB',
  details: {
    title: 'Social Protection and LNOB (1st call, March 2019)',
    theme: 'Social protection and leaving no one behind',
    envelope: null,
    opensOn: '2019-03-15',
    closesOn: '2019-04-30',
    eligibility: { countries: [], organisationTypes: [], jointOnly: true, notes: null },
  },
};
const none: CallState = { status: 'none' };
const actor = (roles: string[], organisation?: string): Actor => ({ id: 'u', roles, countries: [], organisation });
const announce = (fund: FundFacts): CallCommand => ({
  type: 'AnnounceCall',
  data: { fundId: fund.id, fund, title: 'T', theme: 'T', opensOn: '2019-03-15', closesOn: '2019-04-30' },
});
const extend: CallCommand = { type: 'ReviseCall', data: { closesOn: '2019-05-15' } };
const cancel: CallCommand = { type: 'CancelCall', data: { reason: 'R' } };

const allowed = (command: CallCommand, state: CallState, who: Actor) =>
  expect(() => authorizeCallCommand(command, state, who)).not.toThrow();
const refused = (command: CallCommand, state: CallState, who: Actor, message: RegExp) =>
  expect(() => authorizeCallCommand(command, state, who)).toThrow(
    expect.objectContaining({ kind: 'FORBIDDEN', code: 'NOT_ALLOWED', message: expect.stringMatching(message) }),
  );

describe('Who may change a call', () => {
  it('lets a platform admin and the system announce and change any call', () => {
    for (const who of [actor(['platform-admin']), actor(['system'])]) {
      allowed(announce(sdgFund), none, who);
      allowed(extend, firstCall, who);
      allowed(cancel, firstCall, who);
    }
  });

  it("lets an agency editor of the fund's managing organisation announce and change its calls", () => {
    const mptfoEditor = actor(['agency-editor'], 'UNMPTFO');
    allowed(announce(sdgFund), none, mptfoEditor);
    allowed(extend, firstCall, mptfoEditor);
    allowed({ type: 'CloseCall', data: {} }, firstCall, mptfoEditor);
    allowed(cancel, firstCall, mptfoEditor);
  });

  it("refuses an agency editor the calls of another organisation's funds, naming who may", () => {
    const iloEditor = actor(['agency-editor'], 'ILO');
    const onlyMptfo =
      /^Only a platform admin or an agency editor of UNMPTFO can change calls of funds managed by UNMPTFO$/;
    refused(announce(sdgFund), none, iloEditor, onlyMptfo);
    refused(extend, firstCall, iloEditor, onlyMptfo);
    allowed(announce({ ...sdgFund, managingOrganisation: 'ILO' }), none, iloEditor);
  });

  it('refuses viewers and callers without a role', () => {
    refused(extend, firstCall, actor(['viewer'], 'UNMPTFO'), /agency editor of UNMPTFO/);
    refused(extend, none, actor([]), /^Only a platform admin or an agency editor of the fund's managing organisation/);
  });

  it('leaves an unknown call to the decider (NOT_FOUND) for those who could change one', () =>
    allowed(extend, none, actor(['agency-editor'], 'ILO')));
});
