import { codeEnum, CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../funding.vocabulary';
import { MoneyInput, MoneyType } from '../../money/money.types';

export const ProposalStatusEnum = codeEnum(
  PROPOSAL_STATUSES,
  'ProposalStatus',
  'DRAFT → SUBMITTED → SHORTLISTED → FUNDED / REJECTED (or straight from SUBMITTED), or WITHDRAWN',
);
export const ApplicantRoleEnum = codeEnum(
  ['LEAD', 'CO_APPLICANT'] as const,
  'ProposalApplicantRole',
  'The lead applicant, or one of the others',
);

const MAX_LIST = 50;
const CODES = 'Codes of the policyAreas vocabulary, e.g. FINANCING';
const GUARANTEES = 'Codes of the guarantees vocabulary, e.g. CHILDREN';

@ObjectType('ProposalApplicant')
export class ApplicantType {
  @Field({ description: 'Organisation code' }) organisation!: string;
  @Field(() => ApplicantRoleEnum) role!: string;
}

@ObjectType('Proposal', { description: 'A request for funding by one or several organisations to a call or a donor' })
export class ProposalType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => [ApplicantType], { description: 'The LEAD first, then the co-applicants' }) applicants!: ApplicantType[];
  @Field() leadOrganisation!: string;
  @Field({ description: 'More than one applicant organisation' }) joint!: boolean;
  @Field(() => ID, { nullable: true, description: 'The call it answers; null when it goes to a donor' })
  callId!: string | null;
  @Field(() => String, { nullable: true, description: "The call's fund" }) fundCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Directory code of the donor asked directly' })
  donor!: string | null;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' }) countries!: string[];
  @Field(() => [String], { description: CODES }) policyAreas!: string[];
  @Field(() => [String], { description: GUARANTEES }) guarantees!: string[];
  @Field(() => MoneyType) requested!: MoneyType;
  @Field(() => MoneyType, { nullable: true, description: 'What the applicants add themselves' })
  coFunding!: MoneyType | null;
  @Field(() => MoneyType, { nullable: true, description: 'What was awarded, once FUNDED' }) funded!: MoneyType | null;
  @Field(() => ID, { nullable: true }) jointProgrammeId!: string | null;
  @Field({ description: 'YYYY-MM-DD' }) start!: string;
  @Field({ description: 'YYYY-MM-DD' }) end!: string;
  @Field(() => ProposalStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or withdrawn' })
  statusReason!: string | null;
  @Field(() => String, { nullable: true }) submittedOn!: string | null;
  @Field(() => String, { nullable: true }) shortlistedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'When it was funded or rejected' }) decidedOn!: string | null;
  @Field(() => String, { nullable: true }) withdrawnOn!: string | null;
  @Field(() => Int) version!: number;
  @Field() draftedAt!: Date;
  @Field() updatedAt!: Date;
}

export const ProposalConnection = Connection(ProposalType, 'Proposal');

@ObjectType('ProposalOverlap')
export class OverlapType {
  @Field({ description: 'YYYY-MM-DD' }) start!: string;
  @Field({ description: 'YYYY-MM-DD' }) end!: string;
}

@ObjectType('CompetingProposals', {
  description:
    'Two proposals from different organisations to the same call or donor, for the same country and ' +
    'policy area or guarantee, over overlapping dates, with no joint programme in common',
})
export class CompetingPairType {
  @Field(() => ProposalType) a!: ProposalType;
  @Field(() => ProposalType) b!: ProposalType;
  @Field(() => [String], { description: 'Countries both name' }) countries!: string[];
  @Field(() => [String]) policyAreas!: string[];
  @Field(() => [String]) guarantees!: string[];
  @Field(() => OverlapType) overlap!: OverlapType;
  @Field(() => [String], { description: 'Why they compete, in plain words' }) reasons!: string[];
}

@ObjectType('CallApplications', { description: 'What a call received and awarded; amounts per currency' })
export class CallApplicationsType {
  @Field(() => ID) callId!: string;
  @Field(() => Int, { description: 'Proposals submitted, including those withdrawn after submission' })
  applications!: number;
  @Field(() => Int) funded!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [String], { description: 'Distinct countries of the funded proposals' }) countriesFunded!: string[];
  @Field(() => [MoneyType], { description: 'Funded amounts, per currency' }) fundedAmount!: MoneyType[];
  @Field(() => [MoneyType], { description: 'Co-funding of the funded proposals, per currency' })
  coFunding!: MoneyType[];
  @Field(() => [MoneyType], { description: 'Funded plus co-funding, added where the currency is the same' })
  total!: MoneyType[];
}

@InputType()
export class ProposalFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() country?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() callId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() donor?: string;
  @Field({ nullable: true, description: 'Any applicant, lead or not' }) @IsOptional() @IsString() organisation?: string;
  @Field(() => ProposalStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES)
  status?: ProposalStatus;
  @Field({ nullable: true }) @IsOptional() @IsString() policyArea?: string;
}

@InputType()
export class CompetingProposalsFilterInput {
  @Field({ nullable: true, description: 'Pairs that both name this country' })
  @IsOptional()
  @IsString()
  country?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() callId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() donor?: string;
}

@InputType('ProposalApplicantInput')
export class ApplicantInput {
  @Field({ description: 'Organisation code' }) @IsString() @MaxLength(30) organisation!: string;
  @Field(() => ApplicantRoleEnum) @IsString() role!: string;
}

/** The details that may be left out of a draft as of a revision; each list at most 50 entries. */
@InputType({ isAbstract: true })
abstract class ProposalDetailsFields extends CommandInput {
  @Field(() => ID, { nullable: true, description: 'The call it answers; exactly one of callId and donor' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  callId?: string | null;
  @Field(() => String, { nullable: true, description: 'Directory code of the donor asked directly' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  donor?: string | null;
  @Field(() => [String], { nullable: true, description: CODES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  policyAreas?: string[];
  @Field(() => [String], { nullable: true, description: GUARANTEES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  guarantees?: string[];
  @Field(() => MoneyInput, { nullable: true, description: 'null removes it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  coFunding?: MoneyInput | null;
  @Field(() => ID, { nullable: true, description: 'null removes the link' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  jointProgrammeId?: string | null;
}

@InputType()
export class DraftProposalInput extends ProposalDetailsFields {
  @Field() @IsString() @MaxLength(1000) title!: string;
  @Field(() => [ApplicantInput], { description: 'Exactly one LEAD' })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ApplicantInput)
  applicants!: ApplicantInput[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  countries!: string[];
  @Field(() => MoneyInput) @ValidateNested() @Type(() => MoneyInput) requested!: MoneyInput;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) start!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) end!: string;
}

@InputType({ description: 'A draft only; each given field replaces the current one' })
export class ReviseProposalInput extends ProposalDetailsFields {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) title?: string;
  @Field(() => [ApplicantInput], { nullable: true, description: 'Exactly one LEAD' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ApplicantInput)
  applicants?: ApplicantInput[];
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-3' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  countries?: string[];
  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  requested?: MoneyInput;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsString() @MaxLength(10) start?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsString() @MaxLength(10) end?: string;
}

@InputType()
export class SubmitProposalInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD; a past submission being recorded (platform admins only)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
}

@InputType()
export class ShortlistProposalInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD; today when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
}

@InputType()
export class FundProposalInput extends ShortlistProposalInput {
  @Field(() => MoneyInput, { description: 'What is awarded, in the requested currency' })
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;
}

@InputType()
export class RejectProposalInput extends ShortlistProposalInput {
  @Field() @IsString() @MaxLength(2000) reason!: string;
}

@InputType()
export class WithdrawProposalInput extends ShortlistProposalInput {
  @Field() @IsString() @MaxLength(2000) reason!: string;
}
