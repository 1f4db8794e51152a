import { specFor } from '@concord/kernel/testing';
import type { ContributionCommand } from './contribution.commands';
import { contributionDecider } from './contribution.decider';
import type { ContributionDetails, ContributionEvent, Transaction } from './contribution.events';

const given = specFor(contributionDecider);

const toUnicef: ContributionDetails = {
  title: 'Germany to UNICEF Cambodia, cash transfers',
  donor: 'GERMANY',
  recipient: { kind: 'ORGANISATION', ref: 'UNICEF', organisation: 'UNICEF', jointProgrammeId: null, fundCode: null },
  currency: 'EUR',
  earmarking: 'PROJECT_SPECIFIC',
  modality: 'CASH',
  country: 'KHM',
  frameworkOutcomeId: null,
};
const recorded: ContributionEvent = { type: 'ContributionRecorded', data: toUnicef };
const recordToUnicef: ContributionCommand = {
  type: 'RecordContribution',
  data: {
    title: toUnicef.title,
    donor: 'GERMANY',
    recipient: { kind: 'ORGANISATION', ref: 'UNICEF' },
    currency: 'EUR',
    earmarking: 'PROJECT_SPECIFIC',
    country: 'KHM',
  },
};
const transaction = (
  number: number,
  type: Transaction['type'],
  amount: string,
  extra: Partial<Transaction> = {},
): ContributionEvent => ({
  type: 'TransactionRecorded',
  data: {
    number,
    type,
    amount,
    currency: 'EUR',
    valueDate: '2024-03-01',
    reference: null,
    overDisbursement: null,
    ...extra,
  },
});
const record = (
  type: Transaction['type'],
  amount: string,
  extra: Partial<Extract<ContributionCommand, { type: 'RecordTransaction' }>['data']> = {},
): ContributionCommand => ({
  type: 'RecordTransaction',
  data: { type, amount, valueDate: '2024-03-01', ...extra },
});
const committed = transaction(1, 'OUTGOING_COMMITMENT', '1000.00', { reference: 'AGR-7' });

describe('Recording a contribution', () => {
  it('records it with its donor, recipient, currency and earmarking; cash unless said otherwise', () =>
    given().when(recordToUnicef).then([recorded]));

  it('takes the country of a single-country joint programme and the lead as the accountable organisation', () =>
    given()
      .when({
        type: 'RecordContribution',
        data: {
          ...recordToUnicef.data,
          country: undefined,
          recipient: { kind: 'JOINT_PROGRAMME', ref: 'jp-1' },
          known: { organisation: 'ILO', countries: ['MWI'] },
          earmarking: 'POOLED',
          modality: 'IN_KIND',
        } as never,
      })
      .then([
        {
          type: 'ContributionRecorded',
          data: {
            ...toUnicef,
            recipient: {
              kind: 'JOINT_PROGRAMME',
              ref: 'jp-1',
              organisation: 'ILO',
              jointProgrammeId: 'jp-1',
              fundCode: null,
            },
            country: 'MWI',
            earmarking: 'POOLED',
            modality: 'IN_KIND',
          },
        },
      ]));

  it('refuses an unknown fund or joint programme as NOT_FOUND naming it', () =>
    given()
      .when({ ...recordToUnicef, data: { ...recordToUnicef.data, recipient: { kind: 'FUND', ref: 'NO_SUCH_FUND' } } })
      .thenThrows('RECIPIENT_NOT_FOUND', /^No fund NO_SUCH_FUND$/));

  it('names every bad field at once: currency, earmarking, country, donor and an unknown outcome', () =>
    given()
      .when({
        ...recordToUnicef,
        data: {
          ...recordToUnicef.data,
          donor: 'germany',
          currency: 'EURO',
          earmarking: 'SOFT' as never,
          country: 'XXX',
          frameworkOutcomeId: 'o-1',
          outcomeFound: false,
        },
      })
      .thenThrows(
        'INVALID_INPUT',
        /^donor: must be an organisation or fund code.*; currency: is not an ISO 4217.*; earmarking: must be one of CORE, POOLED, THEMATIC, PROJECT_SPECIFIC; country: is not an ISO 3166-1.*; frameworkOutcomeId: is not an outcome/,
      ));

  it('refuses recording the same contribution twice', () =>
    given(recorded).when(recordToUnicef).thenThrows('CONTRIBUTION_EXISTS'));
});

describe('Recording transactions', () => {
  it('numbers transactions and keeps them in the contribution currency', () =>
    given(recorded)
      .when(record('INCOMING_PLEDGE', '1500', { reference: ' P-1 ' }))
      .then([transaction(1, 'INCOMING_PLEDGE', '1500.00', { reference: 'P-1' })]));

  it('refuses a transaction on an unknown contribution', () =>
    given().when(record('INCOMING_FUNDS', '1')).thenThrows('CONTRIBUTION_NOT_FOUND'));

  it('refuses zero or negative amounts, another currency, a bad date and an unknown type', () =>
    given(recorded)
      .when(record('GIFT' as never, '-5', { currency: 'USD', valueDate: '2024-02-30' }))
      .thenThrows(
        'INVALID_INPUT',
        /^type: must be one of INCOMING_PLEDGE.*; amount: must be an amount.*; currency: must be EUR, the contribution's currency; valueDate: must be a date/,
      ));

  it('allows disbursements up to the outgoing commitments', () =>
    given(recorded, committed, transaction(2, 'DISBURSEMENT', '600.00'))
      .when(record('DISBURSEMENT', '400'))
      .then([transaction(3, 'DISBURSEMENT', '400.00')]));

  it('refuses a disbursement above the commitment, naming the commitment and the excess', () =>
    given(recorded, committed, transaction(2, 'DISBURSEMENT', '600.00'))
      .when(record('DISBURSEMENT', '520'))
      .thenThrows(
        'OVER_DISBURSEMENT',
        /^Disbursing 520\.00 EUR brings the disbursements to 1,120\.00 EUR, 120\.00 EUR above the outgoing commitment of 1,000\.00 EUR \(transaction #1 \(AGR-7\) of 2024-03-01\); record an outgoing commitment first, or mark it as an over-disbursement with a reason$/,
      ));

  it('refuses a disbursement when nothing is committed', () =>
    given(recorded)
      .when(record('DISBURSEMENT', '1'))
      .thenThrows('OVER_DISBURSEMENT', /of which there are none yet/));

  it('records an over-disbursement marked with a reason, with the excess', () =>
    given(recorded, committed)
      .when(record('DISBURSEMENT', '1200', { overDisbursementReason: 'Exchange loss covered by the donor' }))
      .then([
        transaction(2, 'DISBURSEMENT', '1200.00', {
          overDisbursement: { reason: 'Exchange loss covered by the donor', over: '200.00' },
        }),
      ]));

  it('refuses an over-disbursement reason on anything but a disbursement', () =>
    given(recorded)
      .when(record('EXPENDITURE', '1', { overDisbursementReason: 'why' }))
      .thenThrows('INVALID_INPUT', /^overDisbursementReason: applies to disbursements only$/));

  it('warns, without refusing, when expenditure goes above the funds received', () =>
    given(recorded, transaction(1, 'INCOMING_FUNDS', '500.00'), transaction(2, 'EXPENDITURE', '300.00'))
      .when(record('EXPENDITURE', '250.50'))
      .then([
        transaction(3, 'EXPENDITURE', '250.50'),
        {
          type: 'ContributionOverspent',
          data: { transaction: 3, spent: '550.50', received: '500.00', over: '50.50', currency: 'EUR' },
        },
      ]));

  it('does not warn while expenditure stays within the funds received', () =>
    given(recorded, transaction(1, 'INCOMING_FUNDS', '500.00'))
      .when(record('EXPENDITURE', '500'))
      .then([transaction(2, 'EXPENDITURE', '500.00')]));
});

describe('Cancelling a transaction', () => {
  const cancel = (number: number, reason = 'Recorded twice'): ContributionCommand => ({
    type: 'CancelTransaction',
    data: { number, reason },
  });
  const disbursed = transaction(2, 'DISBURSEMENT', '600.00');

  it('takes a transaction out with its reason; its number is not given again', () => {
    given(recorded, transaction(1, 'INCOMING_PLEDGE', '5.00'))
      .when(cancel(1, ' Recorded twice '))
      .then([{ type: 'TransactionCancelled', data: { number: 1, reason: 'Recorded twice' } }]);
    given(recorded, transaction(1, 'INCOMING_PLEDGE', '5.00'), {
      type: 'TransactionCancelled',
      data: { number: 1, reason: 'x' },
    })
      .when(record('INCOMING_PLEDGE', '6'))
      .then([transaction(2, 'INCOMING_PLEDGE', '6.00')]);
  });

  it('counts a cancelled disbursement out of the cap, so a new one may take its place', () =>
    given(recorded, committed, disbursed, { type: 'TransactionCancelled', data: { number: 2, reason: 'wrong amount' } })
      .when(record('DISBURSEMENT', '1000'))
      .then([transaction(3, 'DISBURSEMENT', '1000.00')]));

  it('refuses to cancel a commitment that disbursements stand on, until they are cancelled', () => {
    given(recorded, committed, disbursed)
      .when(cancel(1))
      .thenThrows(
        'COMMITMENT_DISBURSED',
        /^Cancelling transaction #1 \(AGR-7\) of 2024-03-01 would leave disbursements of 600\.00 EUR above outgoing commitments of 0\.00 EUR; cancel the disbursements first$/,
      );
    given(recorded, committed)
      .when(cancel(1))
      .then([{ type: 'TransactionCancelled', data: { number: 1, reason: 'Recorded twice' } }]);
  });

  it('warns when funds taken back leave expenditure above what was received', () =>
    given(
      recorded,
      transaction(1, 'INCOMING_FUNDS', '500.00'),
      transaction(2, 'INCOMING_FUNDS', '300.00'),
      transaction(3, 'EXPENDITURE', '600.00'),
    )
      .when(cancel(2))
      .then([
        { type: 'TransactionCancelled', data: { number: 2, reason: 'Recorded twice' } },
        {
          type: 'ContributionOverspent',
          data: { transaction: 2, spent: '600.00', received: '500.00', over: '100.00', currency: 'EUR' },
        },
      ]));

  it('refuses an unknown or already cancelled transaction, and a blank reason', () => {
    given(recorded, committed, { type: 'TransactionCancelled', data: { number: 1, reason: 'x' } })
      .when(cancel(1))
      .thenThrows('TRANSACTION_NOT_FOUND', /^No transaction #1 in force \(in force: none\)$/);
    given(recorded, committed)
      .when(cancel(7))
      .thenThrows('TRANSACTION_NOT_FOUND', /in force: 1\)$/);
    given(recorded, committed)
      .when(cancel(1, '  '))
      .thenThrows('INVALID_REASON', /^reason: must be 1–300 characters$/);
    given().when(cancel(1)).thenThrows('CONTRIBUTION_NOT_FOUND');
  });
});
