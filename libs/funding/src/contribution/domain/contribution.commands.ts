import type { Earmarking, Modality, TransactionType } from '../../funding.vocabulary';
import type { RecipientKind } from './contribution.events';

/** A joint programme or fund as its read model knows it, looked up by the handler. */
export interface KnownRecipient {
  organisation: string | null;
  countries: string[];
}

/** Everything one can ask of a contribution. */
export type ContributionCommand =
  | {
      type: 'RecordContribution';
      data: {
        title: string;
        donor: string;
        recipient: { kind: RecipientKind; ref: string };
        /** The recipient JP or fund as found in its read model; absent when not found (or an organisation). */
        known?: KnownRecipient;
        currency: string;
        earmarking: Earmarking;
        modality?: Modality;
        country?: string | null;
        frameworkOutcomeId?: string | null;
        /** Whether the framework outcome exists, from the handler; absent when none is named. */
        outcomeFound?: boolean;
      };
    }
  | {
      type: 'RecordTransaction';
      data: {
        type: TransactionType;
        amount: string;
        /** Optional; when given it must be the contribution's currency. */
        currency?: string;
        valueDate: string;
        reference?: string | null;
        /** Allows a disbursement above the outgoing commitments, saying why. */
        overDisbursementReason?: string | null;
      };
    }
  | { type: 'CancelTransaction'; data: { number: number; reason: string } };
