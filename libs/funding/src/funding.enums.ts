import { codeEnum } from '@concord/platform';
import { FUNDING_DIMENSIONS } from './overview/application/funding-overview';
import { EARMARKINGS, MODALITIES, TRANSACTION_TYPES } from './funding.vocabulary';

export const TransactionTypeEnum = codeEnum(
  Object.keys(TRANSACTION_TYPES) as (keyof typeof TRANSACTION_TYPES)[],
  'TransactionType',
  'IATI TransactionType of the contribution chain: 13 pledge, 11 commitment, 1 incoming funds, 2 outgoing commitment, 3 disbursement, 4 expenditure',
);
export const EarmarkingEnum = codeEnum(EARMARKINGS, 'Earmarking', 'How tightly a contribution is tied to a use');
export const ModalityEnum = codeEnum(MODALITIES, 'Modality', 'Money, or staff time and goods valued in money');
export const RecipientKindEnum = codeEnum(
  ['ORGANISATION', 'JOINT_PROGRAMME', 'FUND'] as const,
  'RecipientKind',
  'Who receives a contribution',
);
export const FundingDimensionEnum = codeEnum(FUNDING_DIMENSIONS, 'FundingDimension', 'What fundingOverview groups by');
