import { registerEnumType } from '@nestjs/graphql';
import { FUNDING_DIMENSIONS } from './overview/application/funding-overview';
import { EARMARKINGS, MODALITIES, TRANSACTION_TYPES } from './funding.vocabulary';

type EnumOf<C extends string> = { [K in C]: K };

/** A GraphQL enum whose values are the vocabulary's codes, spelled the same. */
function listEnum<C extends string>(codes: readonly C[], name: string, description: string): EnumOf<C> {
  const values = Object.fromEntries(codes.map((c) => [c, c])) as EnumOf<C>;
  registerEnumType(values, { name, description });
  return values;
}

export const TransactionTypeEnum = listEnum(
  Object.keys(TRANSACTION_TYPES) as (keyof typeof TRANSACTION_TYPES)[],
  'TransactionType',
  'IATI TransactionType of the contribution chain: 13 pledge, 11 commitment, 1 incoming funds, 2 outgoing commitment, 3 disbursement, 4 expenditure',
);
export const EarmarkingEnum = listEnum(EARMARKINGS, 'Earmarking', 'How tightly a contribution is tied to a use');
export const ModalityEnum = listEnum(MODALITIES, 'Modality', 'Money, or staff time and goods valued in money');
export const RecipientKindEnum = listEnum(
  ['ORGANISATION', 'JOINT_PROGRAMME', 'FUND'] as const,
  'RecipientKind',
  'Who receives a contribution',
);
export const FundingDimensionEnum = listEnum(FUNDING_DIMENSIONS, 'FundingDimension', 'What fundingOverview groups by');
