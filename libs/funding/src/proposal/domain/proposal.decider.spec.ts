import { ConcordError } from '@concord/kernel';
import { specFor, testContext } from '@concord/kernel/testing';
import type { CallFacts, ProposalCommand, ProposalDetailsInput } from './proposal.commands';
import { proposalDecider } from './proposal.decider';
import type { ProposalDetails, ProposalEvent } from './proposal.events';

const given = specFor(proposalDecider);
const TODAY = testContext.now.toISOString().slice(0, 10); // 2026-01-15

const details: ProposalDetails = {
  title: 'Cash transfers for families with young children',
  applicants: [
    { organisation: 'UNICEF', role: 'LEAD' },
    { organisation: 'WFP', role: 'CO_APPLICANT' },
  ],
  callId: null,
  fundCode: null,
  donor: 'GERMANY',
  countries: ['KHM'],
  policyAreas: ['FINANCING'],
  guarantees: ['CHILDREN'],
  requested: { amount: '500000.00', currency: 'USD' },
  coFunding: { amount: '50000.00', currency: 'USD' },
  jointProgrammeId: null,
  start: '2026-03-01',
  end: '2027-02-28',
};
const call: CallFacts = {
  id: 'call-1',
  fundCode: 'JOINT_SDG_FUND',
  status: 'ANNOUNCED',
  opensOn: '2026-01-01',
  closesOn: '2026-02-28',
  jointOnly: false,
  countries: [],
};
const toCall: ProposalDetails = { ...details, callId: 'call-1', fundCode: 'JOINT_SDG_FUND', donor: null };

const draft = (changes: Partial<ProposalDetailsInput> = {}, facts?: CallFacts | null): ProposalCommand => ({
  type: 'DraftProposal',
  data: { ...details, ...changes, ...(facts !== undefined && { call: facts }) },
});
const revise = (data: Extract<ProposalCommand, { type: 'ReviseProposal' }>['data']): ProposalCommand => ({
  type: 'ReviseProposal',
  data,
});
const submit = (facts?: CallFacts | null): ProposalCommand => ({
  type: 'SubmitProposal',
  data: facts === undefined ? {} : { call: facts },
});
const shortlist = (on?: string): ProposalCommand => ({ type: 'ShortlistProposal', data: { on } });
const fund = (amount = '450000', currency = 'USD', on?: string): ProposalCommand => ({
  type: 'FundProposal',
  data: { amount: { amount, currency }, on },
});
const reject = (reason = 'Outside the priorities', on?: string): ProposalCommand => ({
  type: 'RejectProposal',
  data: { reason, on },
});
const withdraw = (reason = 'Merged into the joint programme', on?: string): ProposalCommand => ({
  type: 'WithdrawProposal',
  data: { reason, on },
});

const drafted: ProposalEvent = { type: 'ProposalDrafted', data: details };
const draftedToCall: ProposalEvent = { type: 'ProposalDrafted', data: toCall };
const submitted: ProposalEvent = { type: 'ProposalSubmitted', data: { on: '2026-01-10' } };
const shortlisted: ProposalEvent = { type: 'ProposalShortlisted', data: { on: '2026-01-12' } };
const funded: ProposalEvent = {
  type: 'ProposalFunded',
  data: { amount: { amount: '450000.00', currency: 'USD' }, on: '2026-01-14' },
};
const rejected: ProposalEvent = { type: 'ProposalRejected', data: { reason: 'No', on: '2026-01-14' } };
const withdrawn: ProposalEvent = { type: 'ProposalWithdrawn', data: { reason: 'Merged', on: '2026-01-14' } };

/** The error a command fails with, to assert its kind, code, message and fields together. */
function failure(history: ProposalEvent[], command: ProposalCommand): ConcordError {
  const state = history.reduce(proposalDecider.evolve, proposalDecider.initialState);
  try {
    proposalDecider.decide(command, state, testContext);
  } catch (error) {
    if (error instanceof ConcordError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}
const paths = (error: ConcordError) => error.fields.map((f) => f.path);

describe('Drafting a proposal', () => {
  it('drafts a joint proposal to a donor, in one canonical form', () =>
    given()
      .when(
        draft({
          title: '  Cash transfers for families with young children ',
          applicants: [
            { organisation: 'WFP', role: 'CO_APPLICANT' },
            { organisation: 'UNICEF', role: 'LEAD' },
          ],
          requested: { amount: '500000', currency: 'USD' },
          coFunding: { amount: '50000.0', currency: 'USD' },
          callId: '',
        }),
      )
      .then([drafted]));

  it('keeps policy areas and guarantees once each, in vocabulary order', () =>
    given()
      .when(draft({ policyAreas: ['FINANCING', 'LNOB_INCLUSION', 'FINANCING'], guarantees: [] }))
      .then([
        {
          type: 'ProposalDrafted',
          data: { ...details, policyAreas: ['LNOB_INCLUSION', 'FINANCING'], guarantees: [] },
        },
      ]));

  it('accepts a proposal with guarantees only, without co-funding', () =>
    given()
      .when(draft({ policyAreas: undefined, coFunding: null }))
      .then([{ type: 'ProposalDrafted', data: { ...details, policyAreas: [], coFunding: null } }]));

  it('refuses an empty or too long title', () => {
    given()
      .when(draft({ title: '  ' }))
      .thenThrows('TEXT_REQUIRED', /^title: must not be empty$/);
    given()
      .when(draft({ title: 'x'.repeat(301) }))
      .thenThrows('TEXT_TOO_LONG', /^title: must be at most 300 characters \(is 301\)$/);
  });

  it('wants exactly one LEAD applicant', () => {
    given()
      .when(draft({ applicants: [{ organisation: 'UNICEF', role: 'CO_APPLICANT' }] }))
      .thenThrows('LEAD_REQUIRED', /^applicants: must name exactly one organisation with role LEAD$/);
    given()
      .when(
        draft({
          applicants: [
            { organisation: 'UNICEF', role: 'LEAD' },
            { organisation: 'WFP', role: 'LEAD' },
          ],
        }),
      )
      .thenThrows('LEAD_AMBIGUOUS', /^applicants\[1\]\.role: only one organisation can lead; UNICEF already does$/);
    given()
      .when(draft({ applicants: [] }))
      .thenThrows('APPLICANT_REQUIRED', /^applicants: must name at least the LEAD organisation$/);
  });

  it('refuses malformed organisation codes, unknown roles and an organisation listed twice', () => {
    given()
      .when(draft({ applicants: [{ organisation: 'unicef', role: 'LEAD' }] }))
      .thenThrows('INVALID_CODE', /^applicants\[0\]\.organisation: must be an organisation code/);
    given()
      .when(
        draft({
          applicants: [
            { organisation: 'UNICEF', role: 'LEAD' },
            { organisation: 'WFP', role: 'PARTNER' },
          ],
        }),
      )
      .thenThrows('UNKNOWN_CODE', /^applicants\[1\]\.role: must be one of LEAD, CO_APPLICANT$/);
    given()
      .when(
        draft({
          applicants: [
            { organisation: 'UNICEF', role: 'LEAD' },
            { organisation: 'UNICEF', role: 'CO_APPLICANT' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_APPLICANT', /^applicants\[1\]\.organisation: UNICEF is listed twice$/);
  });

  it('wants exactly one of a call or a donor, with an error on both fields', () => {
    const neither = failure([], draft({ callId: null, donor: null }));
    expect(neither).toMatchObject({ kind: 'BAD_USER_INPUT', code: 'CALL_OR_DONOR' });
    expect(neither.fields).toEqual([
      { path: 'callId', value: null, message: 'give the call it answers or the donor it asks' },
      { path: 'donor', value: null, message: 'give the call it answers or the donor it asks' },
    ]);
    const both = failure([], draft({ callId: 'call-1' }, call));
    expect(both.code).toBe('CALL_OR_DONOR');
    expect(both.message).toBe('callId: give a call or a donor, not both; donor: give a call or a donor, not both');
    given()
      .when(draft({ donor: 'Germany' }))
      .thenThrows('INVALID_CODE', /^donor: must be an organisation code/);
    given()
      .when(draft({ donor: null, callId: 'call 1' }))
      .thenThrows('INVALID_ID', /^callId: must be 1–80 letters/);
  });

  it('wants known countries, at least one, each once', () => {
    given()
      .when(draft({ countries: [] }))
      .thenThrows('COUNTRY_REQUIRED', /^countries: must name at least one country$/);
    given()
      .when(draft({ countries: ['KHM', 'CAM'] }))
      .thenThrows('UNKNOWN_CODE', /^countries\[1\]: is not an ISO 3166-1 alpha-3 country code/);
    given()
      .when(draft({ countries: ['KHM', 'LAO', 'KHM'] }))
      .thenThrows('DUPLICATE_COUNTRY', /^countries\[2\]: KHM is listed twice$/);
  });

  it('wants known policy areas and guarantees, and at least one of them', () => {
    given()
      .when(draft({ policyAreas: ['FINANCING', 'HEALTH'] }))
      .thenThrows('UNKNOWN_CODE', /^policyAreas\[1\]: is not a policy area \(one of LNOB_INCLUSION, /);
    given()
      .when(draft({ guarantees: ['PENSIONS'] }))
      .thenThrows('UNKNOWN_CODE', /^guarantees\[0\]: is not a floor guarantee/);
    const none = failure([], draft({ policyAreas: [], guarantees: null }));
    expect(none.code).toBe('AREA_OR_GUARANTEE_REQUIRED');
    expect(paths(none)).toEqual(['policyAreas', 'guarantees']);
  });

  it('wants a positive requested amount and valid co-funding', () => {
    given()
      .when(draft({ requested: { amount: '0', currency: 'USD' } }))
      .thenThrows('AMOUNT_NOT_POSITIVE', /^requested\.amount: must be greater than zero$/);
    given()
      .when(draft({ requested: { amount: '1e6', currency: 'USD' } }))
      .thenThrows('INVALID_AMOUNT', /^requested\.amount:/);
    given()
      .when(draft({ requested: { amount: '100', currency: 'usd' } }))
      .thenThrows('UNKNOWN_CURRENCY', /^requested\.currency: is not an ISO 4217 currency code/);
    given()
      .when(draft({ coFunding: { amount: '-5', currency: 'USD' } }))
      .thenThrows('INVALID_AMOUNT', /^coFunding\.amount:/);
  });

  it('wants real dates, the start not after the end', () => {
    given()
      .when(draft({ start: '2026-02-30' }))
      .thenThrows('INVALID_DATE', /^start: must be a calendar date written YYYY-MM-DD$/);
    const reversed = failure([], draft({ start: '2027-01-01', end: '2026-12-31' }));
    expect(reversed.code).toBe('PERIOD_END_BEFORE_START');
    expect(reversed.fields).toEqual([
      { path: 'start', value: '2027-01-01', message: 'must not be after the end (2026-12-31)' },
      { path: 'end', value: '2026-12-31', message: 'must not be before the start (2027-01-01)' },
    ]);
    given()
      .when(draft({ jointProgrammeId: 'JP KHM' }))
      .thenThrows('INVALID_ID', /^jointProgrammeId:/);
  });

  it('lists every broken rule at once, each with its path and value', () => {
    const error = failure(
      [],
      draft({
        title: '',
        countries: ['XXX'],
        requested: { amount: 'lots', currency: 'USD' },
        end: 'soon',
      }),
    );
    expect(error).toMatchObject({ kind: 'BAD_USER_INPUT', code: 'INVALID_INPUT' });
    expect(error.fields).toEqual([
      { path: 'title', value: '', message: 'must not be empty' },
      { path: 'end', value: 'soon', message: 'must be a calendar date written YYYY-MM-DD' },
      { path: 'countries[0]', value: 'XXX', message: expect.stringMatching(/alpha-3/) },
      { path: 'requested.amount', value: 'lots', message: expect.stringMatching(/^must be an amount/) },
    ]);
  });

  it('refuses to draft the same proposal twice, naming its state', () =>
    given(drafted, submitted)
      .when(draft())
      .thenThrows('INVALID_TRANSITION', /^Proposal is SUBMITTED; cannot draft it again$/));
});

describe('Answering a call', () => {
  it('drafts a proposal to an announced call, before or while it is open', () => {
    given()
      .when(draft({ callId: 'call-1', donor: null }, call))
      .then([draftedToCall]);
    given()
      .when(draft({ callId: 'call-1', donor: null }, { ...call, opensOn: '2026-02-01' }))
      .then([draftedToCall]);
  });

  it('refuses an unknown call with NOT_FOUND naming the callId', () => {
    const error = failure([], draft({ callId: 'call-9', donor: null }, null));
    expect(error).toMatchObject({ kind: 'NOT_FOUND', code: 'CALL_NOT_FOUND', message: 'No call call-9' });
    expect(error.fields).toEqual([{ path: 'callId', value: 'call-9', message: 'no such call' }]);
  });

  it('refuses a cancelled or closed call, and one past its deadline, with CONFLICT', () => {
    expect(failure([], draft({ callId: 'call-1', donor: null }, { ...call, status: 'CANCELLED' }))).toMatchObject({
      kind: 'CONFLICT',
      code: 'CALL_CANCELLED',
      message: 'Call call-1 of fund JOINT_SDG_FUND was cancelled',
    });
    expect(failure([], draft({ callId: 'call-1', donor: null }, { ...call, status: 'CLOSED' }))).toMatchObject({
      kind: 'CONFLICT',
      code: 'CALL_CLOSED_FOR_APPLICATIONS',
      message: 'Call call-1 of fund JOINT_SDG_FUND is closed; it takes applications from 2026-01-01 to 2026-02-28',
    });
  });

  it('drafts for a call past its deadline (only submission is dated), and refuses to submit it today', () => {
    const late = { ...call, closesOn: '2026-01-14' };
    given()
      .when(draft({ callId: 'call-1', donor: null }, late))
      .then([{ type: 'ProposalDrafted', data: toCall }]);
    given(draftedToCall)
      .when(submit(late))
      .thenThrows('CALL_CLOSED_FOR_APPLICATIONS', /dated 2026-01-15$/);
  });

  it('records a past submission on its date, checked against the call of that time, never a future one', () => {
    given(draftedToCall)
      .when({ type: 'SubmitProposal', data: { call: { ...call, closesOn: '2026-01-14' }, on: '2026-01-10' } })
      .then([{ type: 'ProposalSubmitted', data: { on: '2026-01-10' } }]);
    given(draftedToCall)
      .when({ type: 'SubmitProposal', data: { call, on: '2026-01-16' } })
      .thenThrows('FUTURE_DATE', /^on: must not be after today$/);
  });

  it('refuses a single organisation when the call takes joint proposals only', () => {
    const alone = [{ organisation: 'UNICEF', role: 'LEAD' }];
    const error = failure(
      [],
      draft({ callId: 'call-1', donor: null, applicants: alone }, { ...call, jointOnly: true }),
    );
    expect(error).toMatchObject({ kind: 'BAD_USER_INPUT', code: 'JOINT_PROPOSALS_ONLY' });
    expect(error.fields).toEqual([
      {
        path: 'applicants',
        value: ['UNICEF'],
        message: 'call call-1 takes joint proposals only: name at least two organisations',
      },
    ]);
    given()
      .when(draft({ callId: 'call-1', donor: null }, { ...call, jointOnly: true }))
      .then([draftedToCall]);
  });

  it('refuses a country outside those the call is open to, naming its position', () => {
    const restricted = { ...call, countries: ['KHM', 'LAO'] };
    given()
      .when(draft({ callId: 'call-1', donor: null, countries: ['LAO', 'VNM'] }, restricted))
      .thenThrows('COUNTRY_NOT_ELIGIBLE', /^countries\[1\]: is not eligible for call call-1 \(open to KHM, LAO\)$/);
    given()
      .when(draft({ callId: 'call-1', donor: null, countries: ['LAO', 'KHM'] }, restricted))
      .then([{ type: 'ProposalDrafted', data: { ...toCall, countries: ['LAO', 'KHM'] } }]);
  });

  it('ignores call facts for a donor proposal', () =>
    given()
      .when(draft({}, { ...call, status: 'CANCELLED' }))
      .then([drafted]));
});

describe('Revising a draft', () => {
  it('replaces the given fields and records which changed, with the whole details', () =>
    given(drafted)
      .when(revise({ title: 'Child benefit in Cambodia', countries: ['KHM', 'LAO'], start: details.start }))
      .then([
        {
          type: 'ProposalRevised',
          data: {
            changed: ['title', 'countries'],
            details: { ...details, title: 'Child benefit in Cambodia', countries: ['KHM', 'LAO'] },
          },
        },
      ]));

  it('records nothing when nothing changes, and counts null as not given for required fields', () =>
    given(drafted)
      .when(revise({ title: details.title, countries: null as never, policyAreas: ['FINANCING'] }))
      .then([]));

  it('clears co-funding and the joint programme with null', () =>
    given(drafted, {
      type: 'ProposalRevised',
      data: { changed: ['jointProgrammeId'], details: { ...details, jointProgrammeId: 'JP-KHM-SP' } },
    })
      .when(revise({ coFunding: null, jointProgrammeId: null }))
      .then([
        {
          type: 'ProposalRevised',
          data: { changed: ['coFunding', 'jointProgrammeId'], details: { ...details, coFunding: null } },
        },
      ]));

  it('moves a proposal from a donor to a call, which must be open', () => {
    given(drafted)
      .when(revise({ callId: 'call-1', donor: null, call }))
      .then([{ type: 'ProposalRevised', data: { changed: ['callId', 'fundCode', 'donor'], details: toCall } }]);
    given(drafted)
      .when(revise({ callId: 'call-1', donor: null, call: { ...call, status: 'CANCELLED' } }))
      .thenThrows('CALL_CANCELLED');
    given(drafted)
      .when(revise({ callId: 'call-1', donor: null, call: null }))
      .thenThrows('CALL_NOT_FOUND', /^No call call-1$/);
  });

  it('rechecks the call it answers: a co-applicant cannot leave a joint-only call', () =>
    given(draftedToCall)
      .when(revise({ applicants: [{ organisation: 'UNICEF', role: 'LEAD' }], call: { ...call, jointOnly: true } }))
      .thenThrows('JOINT_PROPOSALS_ONLY', /^applicants: call call-1 takes joint proposals only/));

  it('refuses a revision that leaves neither a call nor a donor', () =>
    given(drafted)
      .when(revise({ donor: null }))
      .thenThrows('CALL_OR_DONOR'));

  it('refuses invalid fields as a draft does', () =>
    given(drafted)
      .when(revise({ requested: { amount: '10', currency: 'XXY' } }))
      .thenThrows('UNKNOWN_CURRENCY', /^requested\.currency:/));

  it('revises drafts only, naming the state', () => {
    given(drafted, submitted)
      .when(revise({ title: 'Later' }))
      .thenThrows('INVALID_TRANSITION', /^Proposal is SUBMITTED; cannot revise it$/);
    given()
      .when(revise({ title: 'Nothing' }))
      .thenThrows('PROPOSAL_NOT_FOUND', /^No such proposal$/);
  });
});

describe('Submitting', () => {
  it('submits a donor proposal today', () =>
    given(drafted)
      .when(submit())
      .then([{ type: 'ProposalSubmitted', data: { on: TODAY } }]));

  it('submits to a call while it is open, its last day included', () =>
    given(draftedToCall)
      .when(submit({ ...call, closesOn: TODAY }))
      .then([{ type: 'ProposalSubmitted', data: { on: TODAY } }]));

  it('refuses a submission after the deadline or before the call opens, naming the dates', () => {
    expect(failure([draftedToCall], submit({ ...call, closesOn: '2026-01-14' }))).toMatchObject({
      kind: 'CONFLICT',
      code: 'CALL_CLOSED_FOR_APPLICATIONS',
      message:
        'Call call-1 of fund JOINT_SDG_FUND takes applications from 2026-01-01 to 2026-01-14; the submission is dated 2026-01-15',
    });
    given(draftedToCall)
      .when(submit({ ...call, opensOn: '2026-02-01' }))
      .thenThrows('CALL_CLOSED_FOR_APPLICATIONS', /from 2026-02-01 to 2026-02-28; the submission is dated 2026-01-15$/);
    given(draftedToCall)
      .when(submit({ ...call, status: 'CANCELLED' }))
      .thenThrows('CALL_CANCELLED');
    given(draftedToCall).when(submit(null)).thenThrows('CALL_NOT_FOUND');
  });

  it('rechecks eligibility against the call as it is now', () =>
    given(draftedToCall)
      .when(submit({ ...call, countries: ['LAO'] }))
      .thenThrows('COUNTRY_NOT_ELIGIBLE', /^countries\[0\]: is not eligible for call call-1 \(open to LAO\)$/));

  it('submits once', () =>
    given(drafted, submitted)
      .when(submit())
      .thenThrows('INVALID_TRANSITION', /^Proposal is SUBMITTED; cannot submit it$/));
});

describe('Deciding', () => {
  it('shortlists a submitted proposal, on a date or today', () => {
    given(drafted, submitted).when(shortlist('2026-01-12')).then([shortlisted]);
    given(drafted, submitted)
      .when(shortlist())
      .then([{ type: 'ProposalShortlisted', data: { on: TODAY } }]);
  });

  it('funds a shortlisted proposal, or a submitted one straight away', () => {
    given(drafted, submitted, shortlisted)
      .when(fund('450000', 'USD', '2026-01-14'))
      .then([funded]);
    given(drafted, submitted)
      .when(fund('500000.5', 'USD'))
      .thenThrows('AMOUNT_EXCEEDS_REQUEST', /^amount\.amount: must not exceed the requested 500000\.00 USD$/);
    given(drafted, submitted)
      .when(fund('500000'))
      .then([{ type: 'ProposalFunded', data: { amount: { amount: '500000.00', currency: 'USD' }, on: TODAY } }]);
  });

  it('refuses to fund a proposal twice, saying when and for how much it was funded', () => {
    const error = failure([drafted, submitted, funded], fund('1000'));
    expect(error).toMatchObject({
      kind: 'CONFLICT',
      code: 'PROPOSAL_ALREADY_FUNDED',
      message: 'The proposal was already funded on 2026-01-14 for 450000.00 USD; a proposal cannot be funded twice',
    });
  });

  it('funds in the requested currency only, a positive amount', () => {
    const error = failure([drafted, submitted], fund('450000', 'EUR'));
    expect(error).toMatchObject({ kind: 'BAD_USER_INPUT', code: 'CURRENCY_MISMATCH' });
    expect(error.fields).toEqual([
      { path: 'amount.currency', value: 'EUR', message: 'must be the requested currency (USD)' },
    ]);
    given(drafted, submitted)
      .when(fund('0'))
      .thenThrows('AMOUNT_NOT_POSITIVE', /^amount\.amount: must be greater than zero$/);
  });

  it('rejects a submitted or shortlisted proposal with a reason', () => {
    given(drafted, submitted, shortlisted).when(reject(' No ', '2026-01-14')).then([rejected]);
    given(drafted, submitted)
      .when(reject('   '))
      .thenThrows('TEXT_REQUIRED', /^reason: must not be empty$/);
  });

  it('refuses a decision dated before the submission, or on an impossible date', () => {
    given(drafted, submitted)
      .when(shortlist('2026-01-09'))
      .thenThrows('DATE_BEFORE_SUBMISSION', /^on: must not be before the proposal was submitted \(2026-01-10\)$/);
    given(drafted, submitted)
      .when(reject('No', '2026-13-01'))
      .thenThrows('INVALID_DATE', /^on: must be a calendar date/);
  });

  it('refuses decisions outside the lifecycle, naming the state', () => {
    given(drafted)
      .when(shortlist())
      .thenThrows('INVALID_TRANSITION', /^Proposal is DRAFT; cannot shortlist it$/);
    given(drafted, submitted, shortlisted)
      .when(shortlist())
      .thenThrows('INVALID_TRANSITION', /^Proposal is SHORTLISTED; cannot shortlist it$/);
    given(drafted)
      .when(fund())
      .thenThrows('INVALID_TRANSITION', /^Proposal is DRAFT; cannot fund it$/);
    given(drafted, submitted, rejected)
      .when(fund())
      .thenThrows('INVALID_TRANSITION', /^Proposal is REJECTED; cannot fund it$/);
    given(drafted, submitted, withdrawn)
      .when(reject())
      .thenThrows('INVALID_TRANSITION', /^Proposal is WITHDRAWN; cannot reject it$/);
    given(drafted, submitted, funded)
      .when(reject())
      .thenThrows('INVALID_TRANSITION', /^Proposal is FUNDED; cannot reject it$/);
    given().when(fund()).thenThrows('PROPOSAL_NOT_FOUND');
  });
});

describe('Withdrawing', () => {
  it('withdraws a draft, a submitted or a shortlisted proposal, with a reason', () => {
    for (const history of [[drafted], [drafted, submitted], [drafted, submitted, shortlisted]]) {
      given(...history)
        .when(withdraw('Merged', '2026-01-14'))
        .then([withdrawn]);
    }
    given(drafted)
      .when(withdraw('Merged'))
      .then([{ type: 'ProposalWithdrawn', data: { reason: 'Merged', on: TODAY } }]);
  });

  it('refuses to withdraw a decided or withdrawn proposal, naming the state', () => {
    given(drafted, submitted, funded)
      .when(withdraw())
      .thenThrows('INVALID_TRANSITION', /^Proposal is FUNDED; cannot withdraw it$/);
    given(drafted, submitted, rejected)
      .when(withdraw())
      .thenThrows('INVALID_TRANSITION', /^Proposal is REJECTED; cannot withdraw it$/);
    given(drafted, withdrawn)
      .when(withdraw())
      .thenThrows('INVALID_TRANSITION', /^Proposal is WITHDRAWN; cannot withdraw it$/);
    given(drafted)
      .when(withdraw('x'.repeat(1001)))
      .thenThrows('TEXT_TOO_LONG', /^reason: must be at most 1000 characters/);
  });
});
