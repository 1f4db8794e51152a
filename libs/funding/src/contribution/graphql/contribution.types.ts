import { CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { EarmarkingEnum, ModalityEnum, RecipientKindEnum, TransactionTypeEnum } from '../../funding.enums';

@ObjectType('OverDisbursement')
export class OverDisbursementType {
  @Field() reason!: string;
  @Field({ description: 'By how much disbursements exceed the outgoing commitments' }) over!: string;
}

@ObjectType('Transaction', { description: 'One link of the IATI transaction chain of a contribution' })
export class TransactionType {
  @Field(() => Int, { description: '1, 2, 3… within the contribution' }) number!: number;
  @Field(() => TransactionTypeEnum) type!: string;
  @Field({ description: 'Decimal string in the original currency' }) amount!: string;
  @Field() currency!: string;
  @Field({ description: 'ISO date; picks the exchange rate' }) valueDate!: string;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => OverDisbursementType, { nullable: true }) overDisbursement!: OverDisbursementType | null;
  @Field(() => String, { nullable: true, description: 'In USD; null while no rate is known for the value date' })
  amountUsd!: string | null;
  @Field(() => String, { nullable: true, description: 'Units of the currency per USD used' }) rate!: string | null;
  @Field(() => String, { nullable: true }) rateDate!: string | null;
  @Field(() => String, { nullable: true }) rateSource!: string | null;
}

@ObjectType('Contribution', { description: 'Money from a donor to an organisation, a joint programme or a fund' })
export class ContributionType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'Organisation or fund code' }) donor!: string;
  @Field(() => RecipientKindEnum) recipientKind!: string;
  @Field({ description: 'Organisation or fund code, or joint programme id' }) recipientRef!: string;
  @Field(() => String, { nullable: true, description: 'Accountable organisation: recipient, JP lead or fund manager' })
  organisation!: string | null;
  @Field(() => String, { nullable: true }) jointProgrammeId!: string | null;
  @Field(() => String, { nullable: true }) fundCode!: string | null;
  @Field() currency!: string;
  @Field(() => EarmarkingEnum) earmarking!: string;
  @Field(() => ModalityEnum) modality!: string;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) frameworkOutcomeId!: string | null;
  @Field({ description: 'To a joint programme or fund rather than a single organisation' }) joint!: boolean;
  @Field(() => String, { nullable: true, description: 'How much more was reported spent than received' })
  overspentBy!: string | null;
  @Field(() => Int) version!: number;
  @Field() recordedAt!: Date;
}

export const ContributionConnection = Connection(ContributionType, 'Contribution');

@InputType()
export class ContributionFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() country?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() donor?: string;
  @Field({ nullable: true, description: 'Accountable organisation' }) @IsOptional() @IsString() organisation?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() jointProgrammeId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() fundCode?: string;
}

@InputType()
export class RecordContributionInput extends CommandInput {
  @Field() @IsString() @MaxLength(300) title!: string;
  @Field({ description: 'Organisation or fund code' }) @IsString() @MaxLength(30) donor!: string;
  @Field(() => RecipientKindEnum) @IsIn(Object.values(RecipientKindEnum)) recipientKind!:
    'ORGANISATION' | 'JOINT_PROGRAMME' | 'FUND';
  @Field({ description: 'Organisation or fund code, or joint programme id' })
  @IsString()
  @MaxLength(100)
  recipientRef!: string;
  @Field({ description: 'ISO 4217: every transaction of the contribution is in it' })
  @IsString()
  @MaxLength(3)
  currency!: string;
  @Field(() => EarmarkingEnum) @IsIn(Object.values(EarmarkingEnum)) earmarking!: keyof typeof EarmarkingEnum;
  @Field(() => ModalityEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ModalityEnum))
  modality?: keyof typeof ModalityEnum;
  @Field({ nullable: true, description: 'ISO alpha-3; a single-country JP gives its own' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  country?: string;
  @Field({ nullable: true, description: 'A Cooperation Framework outcome id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  frameworkOutcomeId?: string;
}

@InputType()
export class RecordTransactionInput extends CommandInput {
  @Field(() => ID) @IsString() contributionId!: string;
  @Field(() => TransactionTypeEnum) @IsIn(Object.values(TransactionTypeEnum)) type!: keyof typeof TransactionTypeEnum;
  @Field({ description: 'Decimal string greater than zero, e.g. "250000.50"' })
  @IsString()
  @MaxLength(20)
  amount!: string;
  @Field({ nullable: true, description: "The contribution's currency; may be left out" })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency?: string;
  @Field({ description: 'ISO date' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date written YYYY-MM-DD' })
  valueDate!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) reference?: string;
  @Field({ nullable: true, description: 'Allows a disbursement above the outgoing commitments' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  overDisbursementReason?: string;
}

@InputType()
export class CancelTransactionInput extends CommandInput {
  @Field(() => ID) @IsString() contributionId!: string;
  @Field(() => Int, { description: 'The number of the transaction in its contribution' })
  @IsInt()
  @Min(1)
  number!: number;
  @Field({ description: 'Why it is cancelled, e.g. "recorded twice"' }) @IsString() @MaxLength(300) reason!: string;
}
