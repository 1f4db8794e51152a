import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ObjectType('OriginalAmount', { description: 'Money before conversion, by measure and currency' })
export class OriginalAmountType {
  @Field({ description: 'required, pledged, committed, received, outgoingCommitted, disbursed or spent' })
  measure!: string;
  @Field() currency!: string;
  @Field() amount!: string;
}

@ObjectType('FundingFigures', { description: 'Amounts in the reporting currency (USD), as decimal strings' })
export class FundingFiguresType {
  @Field(() => String, {
    nullable: true,
    description: "Activities' required budget, or a fund's target; null by donor",
  })
  required!: string | null;
  @Field({ description: 'Incoming pledges' }) pledged!: string;
  @Field({ description: 'Incoming commitments' }) committed!: string;
  @Field({ description: 'Incoming funds' }) received!: string;
  @Field({ description: 'Outgoing commitments' }) outgoingCommitted!: string;
  @Field() disbursed!: string;
  @Field({ description: 'Expenditure' }) spent!: string;
  @Field(() => String, { nullable: true, description: 'required − committed' }) gap!: string | null;
  @Field({ description: 'Committed to joint programmes and funds' }) jointCommitted!: string;
  @Field({ description: 'Committed to single organisations' }) singleAgencyCommitted!: string;
  @Field(() => String, { nullable: true, description: 'Joint share of committed, percent' }) jointShare!: string | null;
  @Field(() => [OriginalAmountType]) original!: OriginalAmountType[];
  @Field(() => Int, { description: 'Amounts left out of the totals for want of an exchange rate' })
  unconverted!: number;
}

@ObjectType('FundingGroup')
export class FundingGroupType {
  @Field(() => String, {
    nullable: true,
    description: 'The group: a year, country, organisation… null for money of none',
  })
  key!: string | null;
  @Field(() => FundingFiguresType) figures!: FundingFiguresType;
}

@ObjectType('OriginalMoney')
export class OriginalMoneyType {
  @Field() currency!: string;
  @Field() amount!: string;
}

@ObjectType('ProposalPipeline', {
  description: 'Submitted and shortlisted proposals: money asked for, not yet decided',
})
export class PipelineType {
  @Field(() => Int) proposals!: number;
  @Field({ description: 'Requested, in USD' }) requested!: string;
  @Field(() => [OriginalMoneyType]) original!: OriginalMoneyType[];
  @Field(() => Int) unconverted!: number;
}

@ObjectType('FundingOverview')
export class FundingOverviewType {
  @Field({ description: 'The reporting currency' }) currency!: string;
  @Field({ description: 'How amounts were converted and rounded' }) rounding!: string;
  @Field(() => FundingFiguresType) total!: FundingFiguresType;
  @Field(() => [FundingGroupType], { description: 'Empty unless groupBy is given' }) groups!: FundingGroupType[];
  @Field(() => PipelineType) pipeline!: PipelineType;
}

@InputType()
export class FundingFilterInput {
  @Field({ nullable: true, description: 'ISO alpha-3' }) @IsOptional() @IsString() country?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() frameworkOutcomeId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() jointProgrammeId?: string;
  @Field({ nullable: true, description: 'Accountable organisation code' })
  @IsOptional()
  @IsString()
  organisation?: string;
  @Field({ nullable: true, description: 'Donor organisation or fund code' }) @IsOptional() @IsString() donor?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() fundCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1900) @Max(2200) year?: number;
}
