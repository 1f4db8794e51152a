import { codeEnum, CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FUND_KINDS, type FundKind } from '../../funding.vocabulary';
import { MoneyInput, MoneyType } from '../../money/money.types';

/** FUND_KINDS as a GraphQL enum: the schema spells the vocabulary exactly, from one list. */
export const FundKindEnum = codeEnum(FUND_KINDS, 'FundKind', 'Pooled fund, trust fund, bilateral or global programme');
export const FundStatusEnum = codeEnum(
  ['ACTIVE', 'CLOSED'] as const,
  'FundStatus',
  'Whether the fund still takes money',
);

const MAX_LIST = 100;

@ObjectType('FundOrganisation', { description: 'An organisation as the directory knows it' })
export class FundOrganisationType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) iatiOrgId!: string | null;
}

@ObjectType('FundWindow', { description: 'A thematic window of a fund, e.g. "Social protection and LNOB"' })
export class FundWindowType {
  @Field({ description: 'Unique within the fund' }) code!: string;
  @Field() title!: string;
}

@ObjectType('Fund', {
  description: 'A pooled fund, trust fund, bilateral programme or global programme that mobilises money',
})
export class FundType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Unique across funds, e.g. JOINT_SDG_FUND' }) code!: string;
  @Field() name!: string;
  @Field(() => FundKindEnum) kind!: string;
  @Field({ description: 'Directory code of the managing organisation' }) managingOrganisationCode!: string;
  @Field(() => [String], { description: 'Directory codes of the organisations that pay into it' })
  contributors!: string[];
  @Field(() => [FundWindowType]) windows!: FundWindowType[];
  @Field(() => MoneyType, { nullable: true, description: 'What the fund needs over its period, when stated' })
  target!: MoneyType | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) start!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) end!: string | null;
  @Field(() => FundStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'ISO date' }) closedOn!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

export const FundConnection = Connection(FundType, 'Fund');

@InputType()
export class FundFilterInput {
  @Field(() => FundKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(FUND_KINDS)
  kind?: FundKind;
  @Field({ nullable: true, description: 'Organisation code' })
  @IsOptional()
  @IsString()
  managingOrganisation?: string;
  @Field(() => FundStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(FundStatusEnum))
  status?: keyof typeof FundStatusEnum;
}

@InputType()
export class FundWindowInput {
  @Field({ description: '2–30 capital letters, digits or _, unique within the fund' })
  @IsString()
  @MaxLength(30)
  code!: string;
  @Field() @IsString() @MaxLength(200) title!: string;
}

@InputType()
export class EstablishFundInput extends CommandInput {
  @Field({ description: '2–30 capital letters, digits or _; unique across funds' })
  @IsString()
  @MaxLength(30)
  code!: string;
  @Field() @IsString() @MaxLength(200) name!: string;
  @Field(() => FundKindEnum) @IsIn(FUND_KINDS) kind!: FundKind;
  @Field({ description: 'Directory code of the managing organisation' })
  @IsString()
  @MaxLength(30)
  managingOrganisation!: string;
  @Field(() => [String], { nullable: true, description: 'Organisation codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  contributors?: string[];
  @Field(() => [FundWindowInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => FundWindowInput)
  windows?: FundWindowInput[];
  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  target?: MoneyInput;
  @Field({ nullable: true, description: 'ISO date' }) @IsOptional() @IsString() @MaxLength(10) start?: string;
  @Field({ nullable: true, description: 'ISO date' }) @IsOptional() @IsString() @MaxLength(10) end?: string;
}

@InputType({ description: 'Each given field replaces the current one; null clears target, start or end' })
export class ReviseFundInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @Field(() => FundKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(FUND_KINDS)
  kind?: FundKind;
  @Field({ nullable: true, description: 'Handing a fund over is for platform admins' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  managingOrganisation?: string;
  @Field(() => [String], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  contributors?: string[];
  @Field(() => [FundWindowInput], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => FundWindowInput)
  windows?: FundWindowInput[];
  @Field(() => MoneyInput, { nullable: true, description: 'null removes the target' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  target?: MoneyInput | null;
  @Field(() => String, { nullable: true, description: 'ISO date; null removes it' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  start?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; null removes it' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  end?: string | null;
}

@InputType()
export class CloseFundInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'ISO date; today when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
}
