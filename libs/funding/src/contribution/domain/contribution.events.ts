import type { DomainEvent } from '@concord/kernel';
import type { Earmarking, Modality, TransactionType } from '../../funding.vocabulary';

export type RecipientKind = 'ORGANISATION' | 'JOINT_PROGRAMME' | 'FUND';

/** Who receives the money, with the facts the funding framework groups by. */
export interface Recipient {
  kind: RecipientKind;
  /** The organisation or fund code, or the joint programme's id. */
  ref: string;
  /** The organisation accountable for the money: the organisation itself, the JP's lead, the fund's manager. */
  organisation: string | null;
  jointProgrammeId: string | null;
  fundCode: string | null;
}

/** What a contribution agreement says: every transaction of it is in its currency. */
export interface ContributionDetails {
  title: string;
  /** Directory code of the organisation or fund code that gives the money. */
  donor: string;
  recipient: Recipient;
  currency: string;
  earmarking: Earmarking;
  modality: Modality;
  /** ISO alpha-3 of the country the money is for; null for regional or global money. */
  country: string | null;
  /** The Cooperation Framework outcome it funds (a framework result id), when known. */
  frameworkOutcomeId: string | null;
}

/** A disbursement above the outgoing commitments, allowed because someone said why. */
export interface OverDisbursement {
  reason: string;
  /** By how much the disbursements now exceed the commitments. */
  over: string;
}

/** One link of the IATI transaction chain: pledge → commitment → funds → outgoing commitment → disbursement → expenditure. */
export interface Transaction {
  /** 1, 2, 3… within the contribution. */
  number: number;
  type: TransactionType;
  /** Decimal string in the contribution's currency. */
  amount: string;
  currency: string;
  /** ISO date: when the money moved (or was promised); picks the exchange rate. */
  valueDate: string;
  /** The partners' own reference, e.g. an agreement or invoice number. */
  reference: string | null;
  overDisbursement: OverDisbursement | null;
}

/** Everything that can happen to a contribution. */
export type ContributionEvent =
  | DomainEvent<'ContributionRecorded', ContributionDetails>
  | DomainEvent<'TransactionRecorded', Transaction>
  /** A transaction recorded by mistake, taken out of every total; its number is not used again. */
  | DomainEvent<'TransactionCancelled', { number: number; reason: string }>
  /** A warning, not a refusal: more is reported spent than was received. */
  | DomainEvent<
      'ContributionOverspent',
      { transaction: number; spent: string; received: string; over: string; currency: string }
    >;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<ContributionEvent['type'], true> = {
  ContributionRecorded: true,
  TransactionRecorded: true,
  TransactionCancelled: true,
  ContributionOverspent: true,
};
export const CONTRIBUTION_EVENT_TYPES = Object.keys(EVENT_TYPES) as ContributionEvent['type'][];
