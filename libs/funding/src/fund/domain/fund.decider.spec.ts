import { specFor, testContext } from '@concord/kernel/testing';
import { fundAggregate } from './fund.aggregate';
import type { FundCommand } from './fund.commands';
import { fundDecider } from './fund.decider';
import type { FundDetails, FundEvent } from './fund.events';

const given = specFor(fundDecider);

type EstablishData = Extract<FundCommand, { type: 'EstablishFund' }>['data'];
const establish = (data: Partial<EstablishData> = {}): FundCommand => ({
  type: 'EstablishFund',
  data: {
    code: 'JOINT_SDG_FUND',
    name: 'Joint SDG Fund',
    kind: 'POOLED_FUND',
    managingOrganisation: 'UNMPTFO',
    contributors: ['EU', 'SWE'],
    windows: [{ code: 'SP_LNOB', title: 'Social protection and leaving no one behind' }],
    ...data,
  },
});
const sdgFund: FundDetails = {
  name: 'Joint SDG Fund',
  kind: 'POOLED_FUND',
  managingOrganisation: 'UNMPTFO',
  contributors: ['EU', 'SWE'],
  windows: [{ code: 'SP_LNOB', title: 'Social protection and leaving no one behind' }],
  target: null,
  start: null,
  end: null,
};
const established: FundEvent = { type: 'FundEstablished', data: { code: 'JOINT_SDG_FUND', ...sdgFund } };
const revise = (data: Extract<FundCommand, { type: 'ReviseFund' }>['data']): FundCommand => ({
  type: 'ReviseFund',
  data,
});
const closed: FundEvent = { type: 'FundClosed', data: { on: '2025-12-31' } };

describe('Establishing a fund', () => {
  it('establishes a pooled fund with its windows; target and dates are null when omitted', () =>
    given()
      .when(establish({ name: '  Joint SDG Fund ' }))
      .then([established]));

  it('establishes a global programme with a target and a period, with no contributors or windows', () =>
    given()
      .when({
        type: 'EstablishFund',
        data: {
          code: 'ILO_SPF_FLAGSHIP_2',
          name: 'ILO Global Flagship Programme on Social Protection Floors, phase 2',
          kind: 'GLOBAL_PROGRAMME',
          managingOrganisation: 'ILO',
          target: { amount: '160000000', currency: 'USD' },
          start: '2021-01-01',
          end: '2025-12-31',
        },
      })
      .then([
        {
          type: 'FundEstablished',
          data: {
            code: 'ILO_SPF_FLAGSHIP_2',
            name: 'ILO Global Flagship Programme on Social Protection Floors, phase 2',
            kind: 'GLOBAL_PROGRAMME',
            managingOrganisation: 'ILO',
            contributors: [],
            windows: [],
            target: { amount: '160000000.00', currency: 'USD' },
            start: '2021-01-01',
            end: '2025-12-31',
          },
        },
      ]));

  it('names each contributor once', () =>
    given()
      .when(establish({ contributors: ['EU', 'SWE', 'EU'] }))
      .then([expect.objectContaining({ data: expect.objectContaining({ contributors: ['EU', 'SWE'] }) })]));

  it('accepts one of the two dates alone', () =>
    given()
      .when(establish({ start: '2019-03-01' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ start: '2019-03-01', end: null }) })]));

  it('refuses a malformed fund code, naming the field, value and rule', () => {
    for (const code of ['joint_sdg_fund', 'J', '1FUND', 'JOINT-SDG', 'X'.repeat(31)]) {
      given()
        .when(establish({ code }))
        .thenThrows('INVALID_CODE', /^code: must be 2–30 capital letters, digits or _, starting with a letter$/);
    }
  });

  it('refuses an empty or too long name', () => {
    given()
      .when(establish({ name: '  ' }))
      .thenThrows('VALUE_REQUIRED', /^name: must not be empty$/);
    given()
      .when(establish({ name: 'x'.repeat(201) }))
      .thenThrows('TOO_LONG', /^name: must be at most 200 characters \(is 201\)$/);
  });

  it('refuses a kind outside the vocabulary, listing the kinds', () =>
    given()
      .when(establish({ kind: 'BASKET' as never }))
      .thenThrows(
        'UNKNOWN_CODE',
        /^kind: is not a fund kind: POOLED_FUND, TRUST_FUND, BILATERAL_PROGRAMME, GLOBAL_PROGRAMME$/,
      ));

  it('refuses malformed organisation codes for the manager and for a contributor, naming its position', () => {
    given()
      .when(establish({ managingOrganisation: 'mptf office' }))
      .thenThrows('INVALID_CODE', /^managingOrganisation: must be an organisation code/);
    given()
      .when(establish({ contributors: ['EU', 'sweden'] }))
      .thenThrows('INVALID_CODE', /^contributors\[1\]: must be an organisation code/);
  });

  it('refuses a malformed or repeated window code and an empty window title', () => {
    given()
      .when(establish({ windows: [{ code: 'sp-lnob', title: 'Social protection' }] }))
      .thenThrows('INVALID_CODE', /^windows\[0\]\.code: must be 2–30 capital letters/);
    given()
      .when(
        establish({
          windows: [
            { code: 'SP_LNOB', title: 'Social protection' },
            { code: 'SP_LNOB', title: 'Again' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_CODE', /^windows\[1\]\.code: is already the code of windows\[0\]$/);
    given()
      .when(establish({ windows: [{ code: 'SP_LNOB', title: ' ' }] }))
      .thenThrows('VALUE_REQUIRED', /^windows\[0\]\.title: must not be empty$/);
  });

  it('refuses a target that is not a positive amount in a known currency', () => {
    given()
      .when(establish({ target: { amount: '0', currency: 'USD' } }))
      .thenThrows('AMOUNT_NOT_POSITIVE', /^target\.amount: must be greater than zero$/);
    given()
      .when(establish({ target: { amount: '1.5e6', currency: 'USD' } }))
      .thenThrows('INVALID_AMOUNT', /^target\.amount:/);
    given()
      .when(establish({ target: { amount: '1000', currency: 'XYZ' } }))
      .thenThrows('UNKNOWN_CURRENCY', /^target\.currency: is not an ISO 4217 currency code/);
  });

  it('refuses impossible dates and an end before the start', () => {
    given()
      .when(establish({ start: '2021-02-30' }))
      .thenThrows('INVALID_DATE', /^start: must be a calendar date written YYYY-MM-DD$/);
    given()
      .when(establish({ end: '31/12/2025' }))
      .thenThrows('INVALID_DATE', /^end: must be a calendar date/);
    given()
      .when(establish({ start: '2025-12-31', end: '2021-01-01' }))
      .thenThrows('DATES_OUT_OF_ORDER', /^end: must not be before start \(2025-12-31\)$/);
  });

  it('refuses to establish the same fund twice, naming its state', () =>
    given(established)
      .when(establish())
      .thenThrows('INVALID_TRANSITION', /^Fund is ACTIVE; cannot establish it again$/));

  it('reserves the fund code, so no other fund can take it', () => {
    expect(fundAggregate.uniqueKeys!(established)).toEqual([{ scope: 'fund.code', key: 'JOINT_SDG_FUND' }]);
    expect(fundAggregate.uniqueKeys!(closed)).toEqual([]);
  });
});

describe('Revising a fund', () => {
  it('replaces the given fields and records the whole details with what changed', () =>
    given(established)
      .when(
        revise({
          name: 'Joint SDG Fund',
          windows: [
            { code: 'SP_LNOB', title: 'Social protection and leaving no one behind' },
            { code: 'SDG_FIN', title: 'SDG financing' },
          ],
          target: { amount: '290000000', currency: 'USD' },
        }),
      )
      .then([
        {
          type: 'FundRevised',
          data: {
            changed: ['windows', 'target'],
            details: {
              ...sdgFund,
              windows: [...sdgFund.windows, { code: 'SDG_FIN', title: 'SDG financing' }],
              target: { amount: '290000000.00', currency: 'USD' },
            },
          },
        },
      ]));

  it('clears the target and dates with null', () =>
    given(established, {
      type: 'FundRevised',
      data: {
        changed: ['target', 'start'],
        details: { ...sdgFund, target: { amount: '1000.00', currency: 'USD' }, start: '2019-01-01' },
      },
    })
      .when(revise({ target: null, start: null }))
      .then([{ type: 'FundRevised', data: { changed: ['target', 'start'], details: sdgFund } }]));

  it('records nothing when nothing changes (same values in another spelling)', () =>
    given(established)
      .when(revise({ name: ' Joint SDG Fund ', contributors: ['EU', 'SWE', 'SWE'], target: null }))
      .then([]));

  it('checks the period against the dates it keeps', () =>
    given(established, {
      type: 'FundRevised',
      data: { changed: ['start', 'end'], details: { ...sdgFund, start: '2021-01-01', end: '2025-12-31' } },
    })
      .when(revise({ start: '2026-01-01' }))
      .thenThrows('DATES_OUT_OF_ORDER', /^end: must not be before start \(2026-01-01\)$/));

  it('refuses bad values as establishing does', () => {
    given(established)
      .when(revise({ kind: 'BASKET' as never }))
      .thenThrows('UNKNOWN_CODE', /^kind:/);
    given(established)
      .when(revise({ windows: [{ code: 'SP_LNOB', title: '' }] }))
      .thenThrows('VALUE_REQUIRED', /^windows\[0\]\.title:/);
  });

  it('refuses to revise a fund that does not exist', () =>
    given()
      .when(revise({ name: 'X' }))
      .thenThrows('FUND_NOT_FOUND', /^No such fund$/));

  it('refuses to revise a closed fund, naming its state', () =>
    given(established, closed)
      .when(revise({ name: 'Joint SDG Fund II' }))
      .thenThrows('INVALID_TRANSITION', /^Fund is CLOSED; cannot revise it$/));
});

describe('Closing a fund', () => {
  it('closes on the given date, or today', () => {
    given(established)
      .when({ type: 'CloseFund', data: { on: '2025-12-31' } })
      .then([closed]);
    given(established)
      .when({ type: 'CloseFund', data: {} })
      .then([{ type: 'FundClosed', data: { on: testContext.now.toISOString().slice(0, 10) } }]);
  });

  it('refuses an impossible date', () =>
    given(established)
      .when({ type: 'CloseFund', data: { on: '2025-13-01' } })
      .thenThrows('INVALID_DATE', /^on: must be a calendar date written YYYY-MM-DD$/));

  it('refuses to close a fund twice, or one that does not exist', () => {
    given(established, closed)
      .when({ type: 'CloseFund', data: {} })
      .thenThrows('INVALID_TRANSITION', /^Fund is CLOSED; cannot close it again$/);
    given().when({ type: 'CloseFund', data: {} }).thenThrows('FUND_NOT_FOUND');
  });
});
