import { CommandInput, Connection, LiveChangeType } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { REFERENCE_ID } from '../domain/activity.rules';
import {
  ActivityFunctionEnum,
  ActivitySourceEnum,
  ActivityStatusEnum,
  DeliveryStageEnum,
  GuaranteeEnum,
  LanguageEnum,
  OrganisationRoleEnum,
  PolicyAreaEnum,
  TargetGroupEnum,
} from './vocabulary.enums';

/*
 * Outputs and filters use the vocabulary enums. Mutation inputs take codes as strings on purpose:
 * the decider checks them, so an unknown code comes back as BAD_USER_INPUT naming its path and
 * value in `extensions.fields`, together with every other broken rule, exactly as an import's
 * per-line report shows it (an enum would stop at the first bad code with no field list).
 */

const MAX_LIST = 100;
const MAX_TEXT = 200;
const ID_RULE = { message: 'id must be a UUID or 1–80 letters, digits or . _ : -' };

@ObjectType('ActivityText', { description: 'A text in the languages it was given in' })
export class ActivityTextType {
  @Field({ nullable: true }) en?: string;
  @Field({ nullable: true }) fr?: string;
  @Field({ nullable: true }) es?: string;
  @Field({ nullable: true }) pt?: string;
}

@ObjectType('ActivityOrganisation', { description: 'An organisation as the directory knows it' })
export class ActivityOrganisationType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) iatiOrgId!: string | null;
}

@ObjectType('ActivityPartner')
export class ActivityPartnerType {
  @Field({ description: 'Organisation code' }) organisation!: string;
  @Field(() => OrganisationRoleEnum) role!: string;
}

@ObjectType('ActivityBudgetLine', { description: 'Amounts are decimal strings with two decimals' })
export class ActivityBudgetLineType {
  @Field(() => Int) year!: number;
  @Field() currency!: string;
  @Field() required!: string;
  @Field() available!: string;
  @Field() spent!: string;
}

@ObjectType('ActivityExternalId')
export class ActivityExternalIdType {
  @Field({ description: 'e.g. IATI, IMPORT' }) system!: string;
  @Field() id!: string;
}

@ObjectType('Activity', { description: 'Who does what, where, when, for whom (UN INFO sub-output, IATI activity)' })
export class ActivityType {
  @Field(() => ID) id!: string;
  @Field({ description: 'The English title, else the title in the original language' }) title!: string;
  @Field(() => ActivityTextType) titles!: ActivityTextType;
  @Field(() => ActivityTextType) descriptions!: ActivityTextType;
  @Field(() => LanguageEnum, { description: 'The language the activity was written in' }) language!: string;
  @Field({ description: 'Lead organisation code' }) organisation!: string;
  @Field(() => [ActivityPartnerType]) partners!: ActivityPartnerType[];
  @Field({ description: 'ISO 3166-1 alpha-3' }) country!: string;
  @Field(() => [String], { description: 'Sub-national areas' }) areas!: string[];
  @Field(() => [PolicyAreaEnum]) policyAreas!: string[];
  @Field(() => [GuaranteeEnum]) guarantees!: string[];
  @Field(() => [DeliveryStageEnum]) stages!: string[];
  @Field(() => [ActivityFunctionEnum]) functions!: string[];
  @Field(() => [TargetGroupEnum]) targetGroups!: string[];
  @Field(() => [String], { description: 'Government counterpart ministries' }) counterparts!: string[];
  @Field({ name: 'start', description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ name: 'end', description: 'YYYY-MM-DD, inclusive' }) endDate!: string;
  @Field(() => ActivityStatusEnum) status!: string;
  @Field(() => [ActivityBudgetLineType]) budget!: ActivityBudgetLineType[];
  @Field(() => String, { nullable: true, description: 'The currency of the totals; null when lines mix currencies' })
  budgetCurrency!: string | null;
  @Field(() => String, { nullable: true, description: 'Sum over the years' }) budgetRequired!: string | null;
  @Field(() => String, { nullable: true }) budgetAvailable!: string | null;
  @Field(() => String, { nullable: true }) budgetSpent!: string | null;
  @Field(() => [String]) fundingSources!: string[];
  @Field(() => ID, {
    nullable: true,
    description: 'Null for anonymous callers when the programme is not published',
  })
  jointProgrammeId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Null for anonymous callers when the framework is a DRAFT (or the output is unknown)',
  })
  frameworkOutputId!: string | null;
  @Field(() => [String]) sdgTargets!: string[];
  @Field(() => Int, { nullable: true, description: 'Gender equality marker, 0–3' }) genderMarker!: number | null;
  @Field(() => Int, { nullable: true, description: 'Human rights marker, 0–3' }) humanRightsMarker!: number | null;
  @Field(() => [ActivityExternalIdType]) externalIds!: ActivityExternalIdType[];
  @Field(() => ActivitySourceEnum) source!: string;
  @Field({ description: 'Whether anonymous callers see it; a new activity is unpublished' }) published!: boolean;
  @Field(() => Int) version!: number;
  @Field() registeredAt!: Date;
  @Field() updatedAt!: Date;
}

export const ActivityConnection = Connection(ActivityType, 'Activity');

@InputType()
export class ActivityPeriodInput {
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsString() from?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) @IsOptional() @IsString() to?: string;
}

/** The filters every activity question shares: lists, maps, search, exports. */
@InputType({ isAbstract: true })
export abstract class ActivityCodesFilterInput {
  @Field(() => PolicyAreaEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(PolicyAreaEnum))
  policyArea?: string;
  @Field(() => GuaranteeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(GuaranteeEnum))
  guarantee?: string;
  @Field(() => TargetGroupEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TargetGroupEnum))
  targetGroup?: string;
  @Field({ nullable: true, description: 'Lead or partner organisation code' })
  @IsOptional()
  @IsString()
  organisation?: string;
  @Field(() => ActivityStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ActivityStatusEnum))
  status?: string;
  @Field(() => ActivityPeriodInput, { nullable: true, description: 'Overlapping this period' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityPeriodInput)
  period?: ActivityPeriodInput;
}

@InputType()
export class ActivityFilterInput extends ActivityCodesFilterInput {
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-3' }) @IsOptional() @IsString() country?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() jointProgrammeId?: string;
  @Field({ nullable: true, description: 'Running on this day (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  activeOn?: string;
  @Field({ nullable: true, description: 'Part of the title, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  text?: string;
}

@InputType()
export class ActivityTextInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20_000) en?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20_000) fr?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20_000) es?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20_000) pt?: string;
}

@InputType()
export class ActivityPartnerInput {
  @Field({ description: 'Organisation code, e.g. UNICEF' }) @IsString() @MaxLength(30) organisation!: string;
  @Field({ description: 'An OrganisationRole: FUNDING, ACCOUNTABLE, EXTENDING or IMPLEMENTING' })
  @IsString()
  @MaxLength(30)
  role!: string;
}

@InputType()
export class ActivityBudgetLineInput {
  @Field(() => Int) @IsInt() year!: number;
  @Field({ description: 'ISO 4217' }) @IsString() @MaxLength(3) currency!: string;
  @Field({ description: 'Decimal string, e.g. "250000.50"' }) @IsString() @MaxLength(20) required!: string;
  @Field({ nullable: true, description: 'Defaults to 0' }) @IsOptional() @IsString() @MaxLength(20) available?: string;
  @Field({ nullable: true, description: 'Defaults to 0' }) @IsOptional() @IsString() @MaxLength(20) spent?: string;
}

@InputType()
export class ActivityExternalIdInput {
  @Field({ description: 'e.g. IATI, IMPORT' }) @IsString() @MaxLength(20) system!: string;
  @Field() @IsString() @MaxLength(MAX_TEXT) id!: string;
}

const codes = (description: string) =>
  Field(() => [String], { nullable: true, description: `${description} codes (see the enum of that name)` });

/** The descriptive fields, shared by registration and revision. */
@InputType({ isAbstract: true })
export abstract class ActivityFieldsInput extends CommandInput {
  @Field(() => ActivityTextInput, { description: 'At least one language' })
  @ValidateNested()
  @Type(() => ActivityTextInput)
  titles!: ActivityTextInput;
  @Field(() => ActivityTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityTextInput)
  descriptions?: ActivityTextInput;
  @Field({ nullable: true, description: 'en, fr, es or pt; defaults to English when there is an English title' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  language?: string;
  @Field({ description: 'Lead organisation code, e.g. ILO' }) @IsString() @MaxLength(30) organisation!: string;
  @Field(() => [ActivityPartnerInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ActivityPartnerInput)
  partners?: ActivityPartnerInput[];
  @Field({ description: 'ISO 3166-1 alpha-3' }) @IsString() @MaxLength(3) country!: string;
  @Field(() => [String], { nullable: true, description: 'Sub-national areas' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  areas?: string[];
  @codes('PolicyArea')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  policyAreas?: string[];
  @codes('Guarantee') @IsOptional() @IsArray() @ArrayMaxSize(MAX_LIST) @IsString({ each: true }) guarantees?: string[];
  @codes('DeliveryStage') @IsOptional() @IsArray() @ArrayMaxSize(MAX_LIST) @IsString({ each: true }) stages?: string[];
  @codes('ActivityFunction')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  functions?: string[];
  @codes('TargetGroup')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  targetGroups?: string[];
  @Field(() => [String], { nullable: true, description: 'Government counterpart ministries' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  counterparts?: string[];
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) start!: string;
  @Field({ description: 'YYYY-MM-DD, inclusive' }) @IsString() @MaxLength(10) end!: string;
  @Field({ nullable: true, description: 'An ActivityStatus code; on revision, left out keeps the status' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  status?: string;
  @Field(() => [ActivityBudgetLineInput], {
    nullable: true,
    description: 'One line per year and currency; on revision, left out keeps the budget',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ActivityBudgetLineInput)
  budget?: ActivityBudgetLineInput[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  fundingSources?: string[];
  @Field(() => ID, { nullable: true, description: 'On revision, left out keeps the link' })
  @IsOptional()
  @IsString()
  jointProgrammeId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() frameworkOutputId?: string;
  @Field(() => [String], { nullable: true, description: 'SDG targets, e.g. 1.3' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  sdgTargets?: string[];
  @Field(() => Int, { nullable: true, description: '0–3' }) @IsOptional() @IsInt() genderMarker?: number;
  @Field(() => Int, { nullable: true, description: '0–3' }) @IsOptional() @IsInt() humanRightsMarker?: number;
}

@InputType()
export class RegisterActivityInput extends ActivityFieldsInput {
  @Field(() => ID, { nullable: true, description: 'A stable id for imports; a new UUID when left out' })
  @IsOptional()
  @IsString()
  @Matches(REFERENCE_ID, ID_RULE)
  id?: string;
  @Field(() => [ActivityExternalIdInput], { nullable: true, description: 'Each unique across activities' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ActivityExternalIdInput)
  externalIds?: ActivityExternalIdInput[];
  @Field({ nullable: true, description: 'MANUAL (default), CSV or IATI' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  source?: string;
}

@InputType()
export class ReviseActivityInput extends ActivityFieldsInput {
  @Field(() => ID) @IsString() id!: string;
}

@InputType()
export class ChangeActivityStatusInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ description: 'An ActivityStatus code' }) @IsString() @MaxLength(20) status!: string;
}

@InputType()
export class LinkActivityToJointProgrammeInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => ID) @IsString() @MaxLength(80) jointProgrammeId!: string;
}

@InputType()
export class UnlinkActivityFromJointProgrammeInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => ID) @IsString() @MaxLength(80) jointProgrammeId!: string;
}

@InputType()
export class RecordActivityBudgetInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int) @IsInt() year!: number;
  @Field({ description: 'ISO 4217' }) @IsString() @MaxLength(3) currency!: string;
  @Field({ description: 'Decimal string, e.g. "250000.50"' }) @IsString() @MaxLength(20) required!: string;
  @Field({ nullable: true, description: 'Defaults to 0' }) @IsOptional() @IsString() @MaxLength(20) available?: string;
  @Field({ nullable: true, description: 'Defaults to 0' }) @IsOptional() @IsString() @MaxLength(20) spent?: string;
}

/** A command that names only the activity. */
@InputType({ isAbstract: true })
abstract class ActivityRefInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
}

@InputType()
export class PublishActivityInput extends ActivityRefInput {}
@InputType()
export class UnpublishActivityInput extends ActivityRefInput {}

@ObjectType('ActivityChange', { description: 'An activity registered or changed, as it happened' })
export class ActivityChangeType extends LiveChangeType {
  @Field(() => ID) activityId!: string;
  @Field(() => ActivityType, { nullable: true, description: 'The activity now; null if you may no longer see it' })
  activity?: ActivityType;
}
