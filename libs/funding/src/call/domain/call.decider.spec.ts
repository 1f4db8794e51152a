import { specFor, testContext } from '@concord/kernel/testing';
import type { CallCommand, FundFacts } from './call.commands';
import { callDecider } from './call.decider';
import type { CallDetails, CallEvent } from './call.events';

const given = specFor(callDecider);

const sdgFund: FundFacts = {
  id: 'fund-1',
  code: 'JOINT_SDG_FUND',
  status: 'ACTIVE',
  managingOrganisation: 'UNMPTFO',
  windows: ['SP_LNOB', 'SDG_FIN'],
};
type AnnounceData = Extract<CallCommand, { type: 'AnnounceCall' }>['data'];
const announce = (data: Partial<AnnounceData> = {}): CallCommand => ({
  type: 'AnnounceCall',
  data: {
    fundId: 'fund-1',
    fund: sdgFund,
    title: 'Social Protection and LNOB (1st call, March 2019)',
    window: 'SP_LNOB',
    theme: 'Social protection and leaving no one behind',
    envelope: { amount: '70000000', currency: 'USD' },
    opensOn: '2019-03-15',
    closesOn: '2019-04-30',
    eligibility: { organisationTypes: ['40'], jointOnly: true },
    ...data,
  },
});
const firstCall: CallDetails = {
  title: 'Social Protection and LNOB (1st call, March 2019)',
  theme: 'Social protection and leaving no one behind',
  envelope: { amount: '70000000.00', currency: 'USD' },
  opensOn: '2019-03-15',
  closesOn: '2019-04-30',
  eligibility: { countries: [], organisationTypes: ['40'], jointOnly: true, notes: null },
};
const announced: CallEvent = {
  type: 'CallAnnounced',
  data: {
    fundId: 'fund-1',
    fundCode: 'JOINT_SDG_FUND',
    managingOrganisation: 'UNMPTFO',
    window: 'SP_LNOB',
    ...firstCall,
  },
};
const revise = (data: Extract<CallCommand, { type: 'ReviseCall' }>['data']): CallCommand => ({
  type: 'ReviseCall',
  data,
});
const closed: CallEvent = { type: 'CallClosed', data: { on: '2019-04-30' } };
const cancelled: CallEvent = { type: 'CallCancelled', data: { reason: 'Merged into the second call' } };

describe('Announcing a call', () => {
  it("announces a call under a window of an active fund, keeping the fund's code and manager", () =>
    given()
      .when(announce({ title: ' Social Protection and LNOB (1st call, March 2019) ' }))
      .then([announced]));

  it('announces a call with no window, no envelope and open eligibility', () =>
    given()
      .when(announce({ window: undefined, envelope: undefined, eligibility: undefined }))
      .then([
        {
          type: 'CallAnnounced',
          data: {
            ...announced.data,
            window: null,
            envelope: null,
            eligibility: { countries: [], organisationTypes: [], jointOnly: false, notes: null },
          },
        },
      ]));

  it('names each eligible country and organisation type once and keeps notes', () =>
    given()
      .when(
        announce({
          eligibility: {
            countries: ['MWI', 'KHM', 'MWI'],
            organisationTypes: ['40', '40', '10'],
            notes: ' UN country teams only ',
          },
        }),
      )
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            eligibility: {
              countries: ['MWI', 'KHM'],
              organisationTypes: ['40', '10'],
              jointOnly: false,
              notes: 'UN country teams only',
            },
          }),
        }),
      ]));

  it('accepts an envelope in any currency', () =>
    given()
      .when(announce({ envelope: { amount: '5000000', currency: 'EUR' } }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ envelope: { amount: '5000000.00', currency: 'EUR' } }),
        }),
      ]));

  it('refuses a window the fund does not have, naming its windows', () => {
    given()
      .when(announce({ window: 'HEALTH' }))
      .thenThrows(
        'UNKNOWN_WINDOW',
        /^window: is not a window of fund JOINT_SDG_FUND \(its windows: SP_LNOB, SDG_FIN\)$/,
      );
    given()
      .when(announce({ fund: { ...sdgFund, windows: [] } }))
      .thenThrows('UNKNOWN_WINDOW', /^window: is not a window of fund JOINT_SDG_FUND \(it has no windows\)$/);
  });

  it('refuses a call under a closed fund (CONFLICT naming the fund and its state)', () => {
    const refusal = () =>
      callDecider.decide(announce({ fund: { ...sdgFund, status: 'CLOSED' } }), { status: 'none' }, testContext);
    expect(refusal).toThrow(
      expect.objectContaining({
        kind: 'CONFLICT',
        code: 'FUND_NOT_ACTIVE',
        message: 'Fund JOINT_SDG_FUND is CLOSED; cannot announce a call under it',
        fields: [{ path: 'fundId', value: 'fund-1', message: 'fund JOINT_SDG_FUND is CLOSED' }],
      }),
    );
  });

  it('refuses an empty title or theme, and too long ones', () => {
    given()
      .when(announce({ title: '' }))
      .thenThrows('VALUE_REQUIRED', /^title: must not be empty$/);
    given()
      .when(announce({ theme: ' ' }))
      .thenThrows('VALUE_REQUIRED', /^theme: must not be empty$/);
    given()
      .when(announce({ title: 'x'.repeat(201) }))
      .thenThrows('TOO_LONG', /^title: must be at most 200 characters/);
    given()
      .when(announce({ theme: 'x'.repeat(501) }))
      .thenThrows('TOO_LONG', /^theme: must be at most 500 characters/);
  });

  it('refuses an envelope that is not a positive amount in a known currency', () => {
    given()
      .when(announce({ envelope: { amount: '-1', currency: 'USD' } }))
      .thenThrows('INVALID_AMOUNT', /^envelope\.amount:/);
    given()
      .when(announce({ envelope: { amount: '0.00', currency: 'USD' } }))
      .thenThrows('AMOUNT_NOT_POSITIVE', /^envelope\.amount: must be greater than zero$/);
    given()
      .when(announce({ envelope: { amount: '10', currency: 'usd' } }))
      .thenThrows('UNKNOWN_CURRENCY', /^envelope\.currency:/);
  });

  it('refuses impossible dates and a call that closes before it opens', () => {
    given()
      .when(announce({ opensOn: '2019-02-29' }))
      .thenThrows('INVALID_DATE', /^opensOn: must be a calendar date written YYYY-MM-DD$/);
    given()
      .when(announce({ closesOn: '' }))
      .thenThrows('INVALID_DATE', /^closesOn:/);
    given()
      .when(announce({ opensOn: '2019-05-01', closesOn: '2019-04-30' }))
      .thenThrows('DATES_OUT_OF_ORDER', /^closesOn: must not be before opensOn \(2019-05-01\)$/);
  });

  it('accepts a call that opens and closes on the same day', () =>
    given()
      .when(announce({ opensOn: '2019-04-30' }))
      .then([expect.objectContaining({ type: 'CallAnnounced' })]));

  it('refuses unknown countries and organisation types, naming their position', () => {
    given()
      .when(announce({ eligibility: { countries: ['MWI', 'XXX'] } }))
      .thenThrows('UNKNOWN_CODE', /^eligibility\.countries\[1\]: is not an ISO 3166-1 alpha-3 country code$/);
    given()
      .when(announce({ eligibility: { organisationTypes: ['99'] } }))
      .thenThrows('UNKNOWN_CODE', /^eligibility\.organisationTypes\[0\]: is not an IATI OrganisationType code/);
    given()
      .when(announce({ eligibility: { notes: 'x'.repeat(2001) } }))
      .thenThrows('TOO_LONG', /^eligibility\.notes: must be at most 2000 characters/);
  });

  it('refuses to announce the same call twice, naming its state', () =>
    given(announced)
      .when(announce())
      .thenThrows('INVALID_TRANSITION', /^Call is ANNOUNCED; cannot announce it again$/));
});

describe('Revising a call', () => {
  it('replaces the given fields and records the whole details with what changed', () =>
    given(announced)
      .when(
        revise({ title: firstCall.title, closesOn: '2019-05-15', envelope: { amount: '70000000', currency: 'USD' } }),
      )
      .then([
        { type: 'CallRevised', data: { changed: ['closesOn'], details: { ...firstCall, closesOn: '2019-05-15' } } },
      ]));

  it('replaces eligibility as a whole and removes the envelope with null', () =>
    given(announced)
      .when(revise({ eligibility: { countries: ['MWI'] }, envelope: null }))
      .then([
        {
          type: 'CallRevised',
          data: {
            changed: ['envelope', 'eligibility'],
            details: {
              ...firstCall,
              envelope: null,
              eligibility: { countries: ['MWI'], organisationTypes: [], jointOnly: false, notes: null },
            },
          },
        },
      ]));

  it('records nothing when nothing changes', () =>
    given(announced)
      .when(revise({ theme: ' Social protection and leaving no one behind ', opensOn: '2019-03-15' }))
      .then([]));

  it('checks new dates against the ones it keeps', () =>
    given(announced)
      .when(revise({ opensOn: '2019-06-01' }))
      .thenThrows('DATES_OUT_OF_ORDER', /^closesOn: must not be before opensOn \(2019-06-01\)$/));

  it('refuses to revise a call that does not exist', () =>
    given()
      .when(revise({ title: 'X' }))
      .thenThrows('CALL_NOT_FOUND', /^No such call$/));

  it('refuses to revise a closed or cancelled call, naming its state', () => {
    given(announced, closed)
      .when(revise({ title: 'Reopened' }))
      .thenThrows('INVALID_TRANSITION', /^Call is CLOSED; cannot revise it$/);
    given(announced, cancelled)
      .when(revise({ title: 'Revived' }))
      .thenThrows('INVALID_TRANSITION', /^Call is CANCELLED; cannot revise it$/);
  });
});

describe('Closing and cancelling a call', () => {
  it('closes on the given date, or today', () => {
    given(announced)
      .when({ type: 'CloseCall', data: { on: '2019-04-30' } })
      .then([closed]);
    given(announced)
      .when({ type: 'CloseCall', data: {} })
      .then([{ type: 'CallClosed', data: { on: testContext.now.toISOString().slice(0, 10) } }]);
  });

  it('refuses an impossible closing date', () =>
    given(announced)
      .when({ type: 'CloseCall', data: { on: '2019-04-31' } })
      .thenThrows('INVALID_DATE', /^on: must be a calendar date/));

  it('cancels with a reason, trimmed', () =>
    given(announced)
      .when({ type: 'CancelCall', data: { reason: ' Merged into the second call ' } })
      .then([cancelled]));

  it('refuses a cancellation without a reason', () =>
    given(announced)
      .when({ type: 'CancelCall', data: { reason: '  ' } })
      .thenThrows('VALUE_REQUIRED', /^reason: must not be empty$/));

  it('closes or cancels only an announced call', () => {
    given(announced, closed)
      .when({ type: 'CloseCall', data: {} })
      .thenThrows('INVALID_TRANSITION', /^Call is CLOSED; cannot close it$/);
    given(announced, cancelled)
      .when({ type: 'CloseCall', data: {} })
      .thenThrows('INVALID_TRANSITION', /^Call is CANCELLED; cannot close it$/);
    given(announced, closed)
      .when({ type: 'CancelCall', data: { reason: 'Late' } })
      .thenThrows('INVALID_TRANSITION', /^Call is CLOSED; cannot cancel it$/);
    given()
      .when({ type: 'CancelCall', data: { reason: 'Never was' } })
      .thenThrows('CALL_NOT_FOUND');
  });
});
