import { codeEnum, CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MoneyInput, MoneyType } from '../../money/money.types';

export const CallStatusEnum = codeEnum(
  ['ANNOUNCED', 'CLOSED', 'CANCELLED'] as const,
  'CallStatus',
  'Whether an announced call is open for applications follows from its dates (openForApplications)',
);

const MAX_LIST = 300;

@ObjectType('CallEligibility', { description: 'Who may apply; an empty list means any' })
export class CallEligibilityType {
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' }) countries!: string[];
  @Field(() => [String], { description: 'IATI OrganisationType codes' }) organisationTypes!: string[];
  @Field({ description: 'Only joint proposals of two or more organisations' }) jointOnly!: boolean;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType('Call', { description: 'A call for proposals under a fund, possibly under one of its windows' })
export class CallType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The fund it belongs to' }) fundId!: string;
  @Field() fundCode!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'A window code of the fund' }) window!: string | null;
  @Field({ description: 'e.g. "Social protection and leaving no one behind"' }) theme!: string;
  @Field(() => MoneyType, { nullable: true, description: 'What the call may award in all, when stated' })
  envelope!: MoneyType | null;
  @Field({ description: 'ISO date, first day applications are accepted' }) opensOn!: string;
  @Field({ description: 'ISO date, last day applications are accepted' }) closesOn!: string;
  @Field(() => CallEligibilityType) eligibility!: CallEligibilityType;
  @Field(() => CallStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'ISO date' }) closedOn!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

export const CallConnection = Connection(CallType, 'Call');

@InputType()
export class CallFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() fundCode?: string;
  @Field(() => CallStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CallStatusEnum))
  status?: keyof typeof CallStatusEnum;
  @Field({ nullable: true, description: 'Calls open for applications on this ISO date' })
  @IsOptional()
  @IsString()
  openOn?: string;
}

@InputType()
export class CallEligibilityInput {
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-3; empty or omitted: any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  countries?: string[];
  @Field(() => [String], { nullable: true, description: 'IATI OrganisationType codes; empty or omitted: any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  organisationTypes?: string[];
  @Field({ nullable: true, description: 'Only joint proposals of two or more organisations; false when omitted' })
  @IsOptional()
  @IsBoolean()
  jointOnly?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

@InputType()
export class AnnounceCallInput extends CommandInput {
  @Field(() => ID, { description: 'The fund it belongs to' }) @IsString() fundId!: string;
  @Field() @IsString() @MaxLength(200) title!: string;
  @Field({ nullable: true, description: 'A window code of the fund' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  window?: string;
  @Field() @IsString() @MaxLength(500) theme!: string;
  @Field(() => MoneyInput, { nullable: true, description: 'Any currency' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  envelope?: MoneyInput;
  @Field({ description: 'ISO date' }) @IsString() @MaxLength(10) opensOn!: string;
  @Field({ description: 'ISO date, not before opensOn' }) @IsString() @MaxLength(10) closesOn!: string;
  @Field(() => CallEligibilityInput, { nullable: true, description: 'Anyone may apply when omitted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallEligibilityInput)
  eligibility?: CallEligibilityInput;
}

@InputType({ description: 'Each given field replaces the current one; the fund and window are fixed' })
export class ReviseCallInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) theme?: string;
  @Field(() => MoneyInput, { nullable: true, description: 'null removes the envelope' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  envelope?: MoneyInput | null;
  @Field({ nullable: true, description: 'ISO date' }) @IsOptional() @IsString() @MaxLength(10) opensOn?: string;
  @Field({ nullable: true, description: 'ISO date' }) @IsOptional() @IsString() @MaxLength(10) closesOn?: string;
  @Field(() => CallEligibilityInput, { nullable: true, description: 'Replaces the whole eligibility' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallEligibilityInput)
  eligibility?: CallEligibilityInput;
}

@InputType()
export class CloseCallInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'ISO date; today when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
}

@InputType()
export class CancelCallInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field() @IsString() @MaxLength(1000) reason!: string;
}
