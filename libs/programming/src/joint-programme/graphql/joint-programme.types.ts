import { CommandInput, Connection, LiveChangeType } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export enum JointProgrammeStatusEnum {
  CONCEPT = 'CONCEPT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  OPERATIONALLY_CLOSED = 'OPERATIONALLY_CLOSED',
  FINANCIALLY_CLOSED = 'FINANCIALLY_CLOSED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
export enum ParticipantRoleEnum {
  LEAD = 'LEAD',
  PARTICIPATING = 'PARTICIPATING',
}
registerEnumType(JointProgrammeStatusEnum, {
  name: 'JointProgrammeStatus',
  description:
    'CONCEPT → SUBMITTED → APPROVED → ACTIVE → OPERATIONALLY_CLOSED → FINANCIALLY_CLOSED, or REJECTED / CANCELLED',
});
registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole' });

const MAX_LIST = 50;
const MAX_CODE = 40;

@ObjectType('JointProgrammeParticipant')
export class ParticipantType {
  @Field({ description: 'Organisation code' }) organisation!: string;
  @Field(() => ParticipantRoleEnum) role!: string;
  @Field(() => String, { nullable: true, description: 'Percentage of the budget, a decimal string; null until agreed' })
  budgetShare!: string | null;
}

@ObjectType('IndicatorActual')
export class IndicatorActualType {
  @Field() indicatorCode!: string;
  @Field({ description: 'Decimal string' }) actual!: string;
}

@ObjectType('AgencyExpenditure')
export class AgencyExpenditureType {
  @Field() organisation!: string;
  @Field({ description: 'ISO 4217' }) currency!: string;
  @Field({ description: 'Decimal string' }) amount!: string;
}

@ObjectType('AgencyNarrative')
export class AgencyNarrativeType {
  @Field() organisation!: string;
  @Field() text!: string;
}

@ObjectType('JointProgrammeReport', { description: "One period's progress; a second report for a period revises it" })
export class ProgressReportType {
  @Field({ description: "'2024', '2024-H1' or '2024-Q3'" }) period!: string;
  @Field(() => [IndicatorActualType], { name: 'indicatorActuals' }) actuals!: IndicatorActualType[];
  @Field(() => [AgencyExpenditureType]) expenditure!: AgencyExpenditureType[];
  @Field(() => [AgencyNarrativeType], { name: 'narratives' }) narrative!: AgencyNarrativeType[];
  @Field(() => Int, { description: '1 for the first report of the period, +1 per revision' }) revision!: number;
  @Field() reportedAt!: Date;
  @Field() revisedAt!: Date;
}

@ObjectType('JointProgramme')
export class JointProgrammeType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' }) countries!: string[];
  @Field(() => String, { nullable: true }) leadOrganisation!: string | null;
  @Field(() => JointProgrammeStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or cancelled' }) statusReason!:
    string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endDate!: string | null;
  @Field(() => [String]) policyAreas!: string[];
  @Field(() => [String]) targetGroups!: string[];
  @Field(() => [String]) sdgTargets!: string[];
  @Field(() => Int, { nullable: true, description: 'Gender equality marker 0–3' }) genderMarker!: number | null;
  @Field(() => [String], { description: 'Government counterparts' }) counterparts!: string[];
  @Field(() => [String]) fundingSources!: string[];
  @Field({ description: 'Whether anonymous callers see it; a new programme is unpublished' }) published!: boolean;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

export const JointProgrammeConnection = Connection(JointProgrammeType, 'JointProgramme');

@InputType()
export class JointProgrammeFilterInput {
  @Field({ nullable: true, description: 'Programmes in this country (ISO3)' })
  @IsOptional()
  @IsString()
  country?: string;
  @Field(() => JointProgrammeStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(JointProgrammeStatusEnum))
  status?: JointProgrammeStatusEnum;
  @Field({ nullable: true, description: 'Programmes this organisation leads or participates in' })
  @IsOptional()
  @IsString()
  organisation?: string;
  @Field({ nullable: true, description: 'Policy area code, e.g. FINANCING' })
  @IsOptional()
  @IsString()
  policyArea?: string;
}

@InputType()
export class ParticipantInput {
  @Field({ description: 'Organisation code, e.g. UNICEF' }) @IsString() @MaxLength(MAX_CODE) organisation!: string;
  @Field(() => ParticipantRoleEnum) @IsIn(Object.values(ParticipantRoleEnum)) role!: ParticipantRoleEnum;
  @Field({ nullable: true, description: 'Percentage as a decimal string, e.g. "60" or "33.3334"; all or none' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  budgetShare?: string;
}

/** The programme details; every field optional so that revisions name only what they change. */
@InputType({ isAbstract: true })
abstract class DetailsInput extends CommandInput {
  @Field(() => String, { nullable: true, description: 'Defaults to the participant with role LEAD' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CODE)
  leadOrganisation?: string;
  @Field(() => [ParticipantInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInput)
  participants?: ParticipantInput[];
  @Field(() => [String], { nullable: true, description: 'Government counterparts' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  counterparts?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  fundingSources?: string[];
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsString() @MaxLength(10) startDate?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, not before startDate' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  endDate?: string;
  @Field(() => [String], { nullable: true, description: 'Policy area codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  policyAreas?: string[];
  @Field(() => [String], { nullable: true, description: 'Target group codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  targetGroups?: string[];
  @Field(() => [String], { nullable: true, description: "SDG target codes, e.g. '1.3'" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  sdgTargets?: string[];
  @Field(() => Int, { nullable: true, description: 'Gender equality marker 0–3' })
  @IsOptional()
  @IsInt()
  genderMarker?: number;
}

@InputType()
export class DraftJointProgrammeInput extends DetailsInput {
  @Field({ description: 'Unique code, e.g. JP-KHM' }) @IsString() @MaxLength(MAX_CODE) code!: string;
  @Field() @IsString() @MaxLength(300) title!: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  countries!: string[];
}

@InputType()
export class ReviseJointProgrammeInput extends DetailsInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) title?: string;
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-3' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  countries?: string[];
}

/** A command that names only the programme. */
@InputType({ isAbstract: true })
abstract class JointProgrammeRefInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
}

@InputType()
export class SubmitJointProgrammeInput extends JointProgrammeRefInput {}
@InputType()
export class ApproveJointProgrammeInput extends JointProgrammeRefInput {}
@InputType()
export class ActivateJointProgrammeInput extends JointProgrammeRefInput {}
@InputType()
export class CloseJointProgrammeOperationallyInput extends JointProgrammeRefInput {}
@InputType()
export class CloseJointProgrammeFinanciallyInput extends JointProgrammeRefInput {}
@InputType()
export class PublishJointProgrammeInput extends JointProgrammeRefInput {}
@InputType()
export class UnpublishJointProgrammeInput extends JointProgrammeRefInput {}

@InputType()
export class RejectJointProgrammeInput extends JointProgrammeRefInput {
  @Field() @IsString() @MaxLength(1000) reason!: string;
}

@InputType()
export class CancelJointProgrammeInput extends JointProgrammeRefInput {
  @Field() @IsString() @MaxLength(1000) reason!: string;
}

@InputType()
export class LinkFrameworkResultsInput extends JointProgrammeRefInput {
  @Field(() => [ID], { description: 'Outcome or output ids (frameworkId:code)' })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  resultIds!: string[];
}

@InputType()
export class IndicatorActualInput {
  @Field() @IsString() @MaxLength(MAX_CODE) indicatorCode!: string;
  @Field({ description: 'Decimal string' }) @IsString() @MaxLength(30) actual!: string;
}

@InputType()
export class AgencyExpenditureInput {
  @Field() @IsString() @MaxLength(MAX_CODE) organisation!: string;
  @Field({ description: 'ISO 4217' }) @IsString() @MaxLength(3) currency!: string;
  @Field({ description: 'Decimal string' }) @IsString() @MaxLength(30) amount!: string;
}

@InputType()
export class AgencyNarrativeInput {
  @Field() @IsString() @MaxLength(MAX_CODE) organisation!: string;
  @Field() @IsString() @MaxLength(10_000) text!: string;
}

@InputType()
export class RecordProgressReportInput extends JointProgrammeRefInput {
  @Field({ description: "'2024', '2024-H1' or '2024-Q3'" }) @IsString() @MaxLength(7) period!: string;
  @Field(() => [IndicatorActualInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IndicatorActualInput)
  indicatorActuals?: IndicatorActualInput[];
  @Field(() => [AgencyExpenditureInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => AgencyExpenditureInput)
  expenditure?: AgencyExpenditureInput[];
  @Field(() => [AgencyNarrativeInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => AgencyNarrativeInput)
  narratives?: AgencyNarrativeInput[];
}

@ObjectType('JointProgrammeChange', { description: 'A joint programme changed, as it happened' })
export class JointProgrammeChangeType extends LiveChangeType {
  @Field(() => ID) jointProgrammeId!: string;
  @Field(() => JointProgrammeType, {
    nullable: true,
    description: 'The programme now; null if you may no longer see it',
  })
  jointProgramme?: JointProgrammeType;
}
