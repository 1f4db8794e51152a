import type { Actor } from '@concord/kernel';
import type { ProposalCommand } from '../domain/proposal.commands';
import type { ProposalState } from '../domain/proposal.decider';
import type { ProposalDetails } from '../domain/proposal.events';
import { authorizeProposalCommand, seesDrafts, type ProposalPolicyFacts } from './proposal.policy';

const details: ProposalDetails = {
  title: 'Child benefit',
  applicants: [
    { organisation: 'UNICEF', role: 'LEAD' },
    { organisation: 'WFP', role: 'CO_APPLICANT' },
  ],
  callId: null,
  fundCode: null,
  donor: 'GERMANY',
  countries: ['KHM', 'LAO'],
  policyAreas: ['FINANCING'],
  guarantees: [],
  requested: { amount: '100.00', currency: 'USD' },
  coFunding: null,
  jointProgrammeId: null,
  start: '2026-01-01',
  end: '2026-12-31',
};
const toDonor: ProposalState = { status: 'SUBMITTED', details, submittedOn: '2026-01-10', funding: null };
const toCall: ProposalState = { ...toDonor, details: { ...details, callId: 'call-1', donor: null } };
const none: ProposalState = { status: 'none' };

const actor = (roles: string[], countries: string[] = [], organisation?: string): Actor => ({
  id: 'u',
  roles,
  countries,
  organisation,
});
const draft = (lead: string, countries: string[]): ProposalCommand => ({
  type: 'DraftProposal',
  data: { ...details, applicants: [{ organisation: lead, role: 'LEAD' }], countries },
});
const revise = (data: Extract<ProposalCommand, { type: 'ReviseProposal' }>['data']): ProposalCommand => ({
  type: 'ReviseProposal',
  data,
});
const submit: ProposalCommand = { type: 'SubmitProposal', data: {} };
const withdraw: ProposalCommand = { type: 'WithdrawProposal', data: { reason: 'Merged' } };
const shortlist: ProposalCommand = { type: 'ShortlistProposal', data: {} };
const fund: ProposalCommand = { type: 'FundProposal', data: { amount: { amount: '100', currency: 'USD' } } };
const reject: ProposalCommand = { type: 'RejectProposal', data: { reason: 'No' } };

const allowed = (command: ProposalCommand, state: ProposalState, who: Actor, facts?: ProposalPolicyFacts) =>
  expect(() => authorizeProposalCommand(command, state, who, facts)).not.toThrow();
const refused = (
  command: ProposalCommand,
  state: ProposalState,
  who: Actor,
  message?: RegExp,
  facts?: ProposalPolicyFacts,
) =>
  expect(() => authorizeProposalCommand(command, state, who, facts)).toThrow(
    expect.objectContaining({
      kind: 'FORBIDDEN',
      code: 'NOT_ALLOWED',
      ...(message ? { message: expect.stringMatching(message) } : {}),
    }),
  );

const unicefInCambodia = actor(['agency-editor'], ['KHM'], 'UNICEF');

describe('Who may prepare a proposal', () => {
  it('lets a platform admin and the system do anything', () => {
    for (const who of [actor(['platform-admin']), actor(['system'])]) {
      for (const command of [draft('ILO', ['VNM']), submit, withdraw, shortlist, fund, reject]) {
        allowed(command, command.type === 'DraftProposal' ? none : toCall, who);
      }
    }
  });

  it("lets the lead's agency editor in one of its countries draft, revise, submit and withdraw it", () => {
    allowed(draft('UNICEF', ['KHM']), none, unicefInCambodia);
    allowed(draft('UNICEF', ['VNM', 'KHM']), none, unicefInCambodia);
    for (const command of [revise({ title: 'New' }), submit, withdraw]) allowed(command, toDonor, unicefInCambodia);
  });

  it("refuses a co-applicant's editor, and the lead's editor elsewhere, naming who may", () => {
    const wfpInCambodia = actor(['agency-editor'], ['KHM'], 'WFP');
    refused(
      submit,
      toDonor,
      wfpInCambodia,
      /^Only a platform admin, an RCO coordinator of KHM, LAO or an agency editor of UNICEF in KHM, LAO can submit this proposal$/,
    );
    refused(withdraw, toDonor, actor(['agency-editor'], ['VNM'], 'UNICEF'), /can withdraw this proposal$/);
    refused(draft('WFP', ['KHM']), none, unicefInCambodia, /agency editor of WFP in KHM can draft this proposal$/);
    refused(draft('UNICEF', ['VNM']), none, unicefInCambodia, /RCO coordinator of VNM/);
  });

  it('lets an RCO coordinator of one of its countries prepare any organisation’s proposal', () => {
    const laosRco = actor(['rco-coordinator'], ['LAO']);
    allowed(draft('ILO', ['LAO']), none, laosRco);
    allowed(submit, toDonor, laosRco);
    refused(submit, toDonor, actor(['rco-coordinator'], ['VNM']), /RCO coordinator of KHM, LAO/);
  });

  it('refuses a revision that takes the proposal out of the actor’s remit', () => {
    refused(
      revise({ applicants: [{ organisation: 'WFP', role: 'LEAD' }] }),
      toDonor,
      unicefInCambodia,
      /^Only .* agency editor of WFP in KHM, LAO can revise this proposal into one led by WFP in KHM, LAO$/,
    );
    refused(revise({ countries: ['VNM'] }), toDonor, unicefInCambodia, /into one led by UNICEF in VNM$/);
    allowed(revise({ countries: ['KHM'] }), toDonor, unicefInCambodia);
  });

  it('refuses viewers, and leaves an unknown proposal to the decider for staff', () => {
    refused(submit, toDonor, actor(['viewer'], ['KHM'], 'UNICEF'));
    refused(submit, none, actor([], ['KHM']), /^Only a platform admin, an RCO coordinator or an agency editor/);
    allowed(submit, none, unicefInCambodia);
  });

  it('lets only a platform admin or the system record a submission on an earlier date', () => {
    const backdated: ProposalCommand = { type: 'SubmitProposal', data: { on: '2019-05-01' } };
    allowed(backdated, toDonor, actor(['platform-admin']));
    allowed(backdated, toDonor, actor(['system']));
    refused(
      backdated,
      toDonor,
      unicefInCambodia,
      /^Only a platform admin can record a submission made on an earlier date$/,
    );
    refused(backdated, toDonor, actor(['rco-coordinator'], ['KHM']));
  });
});

describe('Who may decide on a proposal', () => {
  const germany = actor(['agency-editor'], [], 'GERMANY');
  const mptfo = actor(['agency-editor'], [], 'MPTFO');

  it("lets the donor's agency editor shortlist, fund and reject a proposal to that donor", () => {
    for (const command of [shortlist, fund, reject]) allowed(command, toDonor, germany);
  });

  it("lets the agency editor of the call's fund manager decide on call proposals", () => {
    for (const command of [shortlist, fund, reject]) allowed(command, toCall, mptfo, { fundManager: 'MPTFO' });
    refused(
      fund,
      toCall,
      germany,
      /^Only a platform admin or an agency editor of MPTFO, which manages the fund of call call-1, can fund this proposal$/,
      { fundManager: 'MPTFO' },
    );
    refused(fund, toCall, mptfo, /organisation managing the fund of call call-1 can fund/, { fundManager: null });
  });

  it('never lets the applicants, or an RCO coordinator, decide', () => {
    refused(
      fund,
      toDonor,
      unicefInCambodia,
      /^Only a platform admin or an agency editor of the donor GERMANY can fund/,
    );
    refused(shortlist, toDonor, actor(['rco-coordinator'], ['KHM']), /can shortlist this proposal$/);
    refused(reject, toDonor, actor(['viewer'], [], 'GERMANY'), /can reject this proposal$/);
    refused(fund, none, actor(['rco-coordinator'], ['KHM']));
    allowed(fund, none, germany);
  });
});

describe('Who sees drafts', () => {
  it('shows drafts to signed-in callers only', () => {
    expect(seesDrafts(actor(['viewer']))).toBe(true);
    expect(seesDrafts(undefined)).toBe(false);
  });
});
