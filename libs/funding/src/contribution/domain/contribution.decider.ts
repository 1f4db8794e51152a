import { assertNever, ConcordError, type Decider, type FieldError, isIsoDate } from '@concord/kernel';
import { isCountryCode } from '@concord/reference';
import { Decimal } from 'decimal.js';
import { EARMARKINGS, MODALITIES, TRANSACTION_TYPES, type TransactionType } from '../../funding.vocabulary';
import { sumAmounts, validAmount, validCurrency } from '../../money/money';
import type { ContributionCommand } from './contribution.commands';
import type { ContributionDetails, ContributionEvent, Recipient, Transaction } from './contribution.events';

export interface RecordedContribution extends ContributionDetails {
  status: 'RECORDED';
  /** The transactions in force: cancelled ones are gone. */
  transactions: Transaction[];
  /** The last number given, so a cancelled transaction's number is not given again. */
  lastNumber: number;
}
export type ContributionState = { status: 'none' } | RecordedContribution;

type Command<T extends ContributionCommand['type']> = Extract<ContributionCommand, { type: T }>['data'];

const CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
const RECIPIENT_KINDS = ['ORGANISATION', 'JOINT_PROGRAMME', 'FUND'];
const MAX_TEXT = 300;

/** `1,120.00 EUR`: amounts in messages are written the way a finance officer reads them. */
const shown = (amount: Decimal.Value, currency: string) =>
  `${new Decimal(amount).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${currency}`;

const total = (transactions: readonly Transaction[], type: TransactionType) =>
  new Decimal(sumAmounts(transactions.filter((t) => t.type === type).map((t) => t.amount)));

/** How a transaction is named to people: its number and, when it has one, the partners' reference. */
const named = (t: Transaction) => `transaction #${t.number}${t.reference ? ` (${t.reference})` : ''} of ${t.valueDate}`;

function recipientOf(data: Command<'RecordContribution'>, faults: FieldError[]): Recipient {
  const { kind, ref } = data.recipient ?? ({} as Command<'RecordContribution'>['recipient']);
  if (!RECIPIENT_KINDS.includes(kind)) {
    faults.push({ path: 'recipient.kind', value: kind, message: `must be one of ${RECIPIENT_KINDS.join(', ')}` });
    return { kind, ref, organisation: null, jointProgrammeId: null, fundCode: null };
  }
  if (kind !== 'JOINT_PROGRAMME' && !CODE.test(ref ?? '')) {
    faults.push({
      path: 'recipient.ref',
      value: ref,
      message: `must be ${kind === 'FUND' ? 'a fund' : 'an organisation'} code`,
    });
  }
  if (kind !== 'ORGANISATION' && !data.known) {
    const what = kind === 'FUND' ? 'fund' : 'joint programme';
    throw new ConcordError('NOT_FOUND', 'RECIPIENT_NOT_FOUND', `No ${what} ${ref}`, [
      { path: 'recipient.ref', value: ref, message: `no such ${what}` },
    ]);
  }
  return {
    kind,
    ref,
    organisation: kind === 'ORGANISATION' ? ref : (data.known?.organisation ?? null),
    jointProgrammeId: kind === 'JOINT_PROGRAMME' ? ref : null,
    fundCode: kind === 'FUND' ? ref : null,
  };
}

function record(data: Command<'RecordContribution'>, state: ContributionState): ContributionEvent[] {
  if (state.status !== 'none') {
    throw new ConcordError('CONFLICT', 'CONTRIBUTION_EXISTS', 'This contribution is already recorded');
  }
  const faults: FieldError[] = [];
  const title = (data.title ?? '').trim();
  if (!title || title.length > MAX_TEXT) {
    faults.push({ path: 'title', value: data.title, message: `must be 1–${MAX_TEXT} characters` });
  }
  if (!CODE.test(data.donor ?? '')) {
    faults.push({
      path: 'donor',
      value: data.donor,
      message: 'must be an organisation or fund code: 2–30 capital letters, digits or _',
    });
  }
  const recipient = recipientOf(data, faults);
  if (recipient.kind !== 'JOINT_PROGRAMME' && recipient.ref === data.donor) {
    faults.push({ path: 'recipient.ref', value: recipient.ref, message: 'must differ from the donor' });
  }
  let currency = data.currency;
  try {
    currency = validCurrency('currency', data.currency);
  } catch (error) {
    faults.push(...(error as ConcordError).fields);
  }
  if (!(EARMARKINGS as readonly string[]).includes(data.earmarking)) {
    faults.push({ path: 'earmarking', value: data.earmarking, message: `must be one of ${EARMARKINGS.join(', ')}` });
  }
  const modality = data.modality ?? 'CASH';
  if (!(MODALITIES as readonly string[]).includes(modality)) {
    faults.push({ path: 'modality', value: modality, message: `must be one of ${MODALITIES.join(', ')}` });
  }
  // A single-country programme or fund gives its country when none is named.
  const country = data.country ?? (data.known?.countries.length === 1 ? data.known.countries[0] : null);
  if (country !== null && !isCountryCode(country)) {
    faults.push({ path: 'country', value: country, message: 'is not an ISO 3166-1 alpha-3 country code' });
  }
  if (data.frameworkOutcomeId && !data.outcomeFound) {
    faults.push({
      path: 'frameworkOutcomeId',
      value: data.frameworkOutcomeId,
      message: 'is not an outcome of a Cooperation Framework',
    });
  }
  if (faults.length) throw ConcordError.invalidFields(faults);
  const details: ContributionDetails = {
    title,
    donor: data.donor,
    recipient,
    currency,
    earmarking: data.earmarking,
    modality,
    country,
    frameworkOutcomeId: data.frameworkOutcomeId ?? null,
  };
  return [{ type: 'ContributionRecorded', data: details }];
}

/**
 * A disbursement may not take the disbursements above the outgoing commitments unless it is
 * marked as an over-disbursement with a reason; the refusal names the commitments.
 */
function checkedDisbursement(c: RecordedContribution, amount: string, reason: string | null) {
  const committed = total(c.transactions, 'OUTGOING_COMMITMENT');
  const disbursed = total(c.transactions, 'DISBURSEMENT').plus(amount);
  if (disbursed.lessThanOrEqualTo(committed)) return null;
  const over = disbursed.minus(committed);
  if (reason) return { reason, over: over.toFixed(2) };
  const commitments = c.transactions.filter((t) => t.type === 'OUTGOING_COMMITMENT');
  const against = commitments.length
    ? `the outgoing commitment${commitments.length > 1 ? 's' : ''} of ${shown(committed, c.currency)} (${commitments.map(named).join(', ')})`
    : 'the outgoing commitments, of which there are none yet';
  throw new ConcordError(
    'BAD_USER_INPUT',
    'OVER_DISBURSEMENT',
    `Disbursing ${shown(amount, c.currency)} brings the disbursements to ${shown(disbursed, c.currency)}, ` +
      `${shown(over, c.currency)} above ${against}; record an outgoing commitment first, or mark it as an over-disbursement with a reason`,
    [{ path: 'amount', value: amount, message: `exceeds the outgoing commitments by ${shown(over, c.currency)}` }],
  );
}

function recordTransaction(c: RecordedContribution, data: Command<'RecordTransaction'>): ContributionEvent[] {
  const faults: FieldError[] = [];
  if (!(data.type in TRANSACTION_TYPES)) {
    faults.push({
      path: 'type',
      value: data.type,
      message: `must be one of ${Object.keys(TRANSACTION_TYPES).join(', ')}`,
    });
  }
  let amount = data.amount;
  try {
    amount = validAmount('amount', data.amount);
  } catch (error) {
    faults.push(...(error as ConcordError).fields);
  }
  if (data.currency !== undefined && data.currency !== c.currency) {
    faults.push({
      path: 'currency',
      value: data.currency,
      message: `must be ${c.currency}, the contribution's currency`,
    });
  }
  if (!isIsoDate(data.valueDate)) {
    faults.push({ path: 'valueDate', value: data.valueDate, message: 'must be a date written YYYY-MM-DD' });
  }
  const reference = data.reference?.trim() || null;
  const reason = data.overDisbursementReason?.trim() || null;
  if (reason && data.type !== 'DISBURSEMENT') {
    faults.push({ path: 'overDisbursementReason', value: reason, message: 'applies to disbursements only' });
  }
  if (faults.length) throw ConcordError.invalidFields(faults);
  const overDisbursement = data.type === 'DISBURSEMENT' ? checkedDisbursement(c, amount, reason) : null;
  const transaction: Transaction = {
    number: c.lastNumber + 1,
    type: data.type,
    amount,
    currency: c.currency,
    valueDate: data.valueDate,
    reference,
    overDisbursement,
  };
  const events: ContributionEvent[] = [{ type: 'TransactionRecorded', data: transaction }];
  if (data.type !== 'EXPENDITURE') return events;
  return [...events, ...overspending([...c.transactions, transaction], transaction.number, c.currency)];
}

/** The warning owed when expenditure stands above the funds received after `transaction`. */
function overspending(
  transactions: readonly Transaction[],
  transaction: number,
  currency: string,
): ContributionEvent[] {
  const received = total(transactions, 'INCOMING_FUNDS');
  const spent = total(transactions, 'EXPENDITURE');
  if (!spent.greaterThan(received)) return [];
  const over = spent.minus(received).toFixed(2);
  return [
    {
      type: 'ContributionOverspent',
      data: { transaction, spent: spent.toFixed(2), received: received.toFixed(2), over, currency },
    },
  ];
}

/**
 * Takes a transaction out, with a reason. An outgoing commitment cannot go while disbursements
 * would then stand above the commitments left: those disbursements are cancelled first.
 */
function cancel(c: RecordedContribution, data: Command<'CancelTransaction'>): ContributionEvent[] {
  const reason = (data.reason ?? '').trim();
  if (!reason || reason.length > MAX_TEXT) {
    throw ConcordError.badInput('INVALID_REASON', {
      path: 'reason',
      value: data.reason,
      message: `must be 1–${MAX_TEXT} characters`,
    });
  }
  const cancelled = c.transactions.find((t) => t.number === data.number);
  if (!cancelled) {
    const known = c.transactions.map((t) => t.number).join(', ') || 'none';
    throw new ConcordError(
      'NOT_FOUND',
      'TRANSACTION_NOT_FOUND',
      `No transaction #${data.number} in force (in force: ${known})`,
      [{ path: 'number', value: data.number, message: 'no such transaction in force' }],
    );
  }
  const left = c.transactions.filter((t) => t !== cancelled);
  if (cancelled.type === 'OUTGOING_COMMITMENT') {
    const committed = total(left, 'OUTGOING_COMMITMENT');
    const disbursed = total(left, 'DISBURSEMENT');
    if (disbursed.greaterThan(committed)) {
      throw new ConcordError(
        'CONFLICT',
        'COMMITMENT_DISBURSED',
        `Cancelling ${named(cancelled)} would leave disbursements of ${shown(disbursed, c.currency)} above ` +
          `outgoing commitments of ${shown(committed, c.currency)}; cancel the disbursements first`,
      );
    }
  }
  const events: ContributionEvent[] = [{ type: 'TransactionCancelled', data: { number: cancelled.number, reason } }];
  // Funds taken back may leave expenditure standing above what was received.
  if (cancelled.type !== 'INCOMING_FUNDS') return events;
  return [...events, ...overspending(left, cancelled.number, c.currency)];
}

/** What may happen to a contribution and its transactions, as pure functions (ARCHITECTURE §5, funding). */
export const contributionDecider: Decider<ContributionCommand, ContributionEvent, ContributionState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'RecordContribution':
        return record(command.data, state);
      case 'RecordTransaction':
        if (state.status === 'none') {
          throw new ConcordError('NOT_FOUND', 'CONTRIBUTION_NOT_FOUND', 'No such contribution');
        }
        return recordTransaction(state, command.data);
      case 'CancelTransaction':
        if (state.status === 'none') {
          throw new ConcordError('NOT_FOUND', 'CONTRIBUTION_NOT_FOUND', 'No such contribution');
        }
        return cancel(state, command.data);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ContributionRecorded':
        return { status: 'RECORDED', ...event.data, transactions: [], lastNumber: 0 };
      case 'TransactionRecorded':
        return state.status === 'none'
          ? state
          : { ...state, transactions: [...state.transactions, event.data], lastNumber: event.data.number };
      case 'TransactionCancelled':
        return state.status === 'none'
          ? state
          : { ...state, transactions: state.transactions.filter((t) => t.number !== event.data.number) };
      case 'ContributionOverspent':
        return state;
      default:
        return assertNever(event);
    }
  },
};
