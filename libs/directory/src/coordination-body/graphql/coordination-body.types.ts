import { CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LocalisedNamesInput, LocalisedNamesType } from '../../organisation/graphql/organisation.types';

export enum CoordinationBodyKindEnum {
  UNCT = 'UNCT',
  RESULTS_GROUP = 'RESULTS_GROUP',
  SP_WORKING_GROUP = 'SP_WORKING_GROUP',
  ISSUE_BASED_COALITION = 'ISSUE_BASED_COALITION',
  GOVERNMENT_COMMITTEE = 'GOVERNMENT_COMMITTEE',
  DONOR_GROUP = 'DONOR_GROUP',
  OTHER = 'OTHER',
}
export enum CadenceEnum {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  BIANNUAL = 'BIANNUAL',
  ANNUAL = 'ANNUAL',
  AD_HOC = 'AD_HOC',
}
export enum CoordinationBodyStatusEnum {
  ACTIVE = 'ACTIVE',
  DISSOLVED = 'DISSOLVED',
}
export enum InteractionLevelEnum {
  SILOS = 'SILOS',
  INFORMATION_SHARING = 'INFORMATION_SHARING',
  POLICY_ALIGNMENT = 'POLICY_ALIGNMENT',
  COOPERATION = 'COOPERATION',
}
registerEnumType(CoordinationBodyKindEnum, { name: 'CoordinationBodyKind' });
registerEnumType(CadenceEnum, { name: 'MeetingCadence', description: 'How often a coordination body meets' });
registerEnumType(CoordinationBodyStatusEnum, { name: 'CoordinationBodyStatus' });
registerEnumType(InteractionLevelEnum, {
  name: 'InteractionLevel',
  description: 'Level of interaction between two stakeholders (doc 001), lowest first',
});

@ObjectType('CoordinationBody')
export class CoordinationBodyType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => LocalisedNamesType) names!: LocalisedNamesType;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3, for a national body' })
  country!: string | null;
  @Field(() => String, { nullable: true, description: 'Region code, for a regional body' }) region!: string | null;
  @Field(() => CoordinationBodyKindEnum) kind!: string;
  @Field(() => CadenceEnum, { nullable: true }) cadence!: string | null;
  @Field(() => String, { nullable: true }) termsOfReference!: string | null;
  @Field(() => String, { nullable: true }) termsOfReferenceUrl!: string | null;
  @Field(() => CoordinationBodyStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'ISO date' }) dissolvedOn!: string | null;
  @Field(() => Int) version!: number;
  @Field() establishedAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('BodyMember')
export class BodyMemberType {
  @Field({ description: 'Directory code of the member organisation' }) organisationCode!: string;
  @Field() isChair!: boolean;
  @Field({ description: 'ISO date' }) since!: string;
}

@ObjectType('BodyInteraction', { description: 'The level of interaction recorded between two members' })
export class BodyInteractionType {
  @Field({ name: 'organisationA', description: 'The code that sorts first' }) orgA!: string;
  @Field({ name: 'organisationB' }) orgB!: string;
  @Field(() => InteractionLevelEnum) level!: string;
  @Field() recordedAt!: Date;
}

@ObjectType('DivisionOfLabour', { description: 'Who takes which topic, as agreed in the body' })
export class DivisionOfLabourType {
  @Field(() => Int) seq!: number;
  @Field(() => [String]) organisations!: string[];
  @Field() topic!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() recordedAt!: Date;
}

export const CoordinationBodyConnection = Connection(CoordinationBodyType, 'CoordinationBody');

@InputType()
export class CoordinationBodyFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() country?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() region?: string;
  @Field(() => CoordinationBodyKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CoordinationBodyKindEnum))
  kind?: CoordinationBodyKindEnum;
  @Field(() => CoordinationBodyStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CoordinationBodyStatusEnum))
  status?: CoordinationBodyStatusEnum;
  @Field({ nullable: true, description: 'Bodies this organisation (code) is a member of' })
  @IsOptional()
  @IsString()
  organisation?: string;
}

@InputType()
export class EstablishCoordinationBodyInput extends CommandInput {
  @Field({ description: 'English name' }) @IsString() @MaxLength(200) name!: string;
  @Field(() => LocalisedNamesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedNamesInput)
  names?: LocalisedNamesInput;
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-3; give this or region' })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  country?: string;
  @Field({ nullable: true, description: 'Region code such as ASIA_PACIFIC; give this or country' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  region?: string;
  @Field(() => CoordinationBodyKindEnum)
  @IsIn(Object.values(CoordinationBodyKindEnum))
  kind!: CoordinationBodyKindEnum;
  @Field(() => CadenceEnum, { nullable: true }) @IsOptional() @IsIn(Object.values(CadenceEnum)) cadence?: CadenceEnum;
}

@InputType()
export class RenameCoordinationBodyInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field() @IsString() @MaxLength(200) name!: string;
  @Field(() => LocalisedNamesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedNamesInput)
  names?: LocalisedNamesInput;
}

@InputType()
export class BodyOrganisationInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ description: 'Directory code of the organisation' }) @IsString() @MaxLength(30) organisation!: string;
}

@InputType()
export class AdmitBodyMemberInput extends BodyOrganisationInput {
  @Field({ nullable: true, description: 'ISO date; today when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  since?: string;
}

@InputType()
export class SetBodyTermsOfReferenceInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'At most 10,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  text?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2_000) url?: string;
  @Field(() => CadenceEnum, { nullable: true }) @IsOptional() @IsIn(Object.values(CadenceEnum)) cadence?: CadenceEnum;
}

@InputType()
export class RecordBodyInteractionLevelInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ description: 'A member organisation code' }) @IsString() @MaxLength(30) a!: string;
  @Field({ description: 'Another member organisation code; the pair is unordered' })
  @IsString()
  @MaxLength(30)
  b!: string;
  @Field(() => InteractionLevelEnum) @IsIn(Object.values(InteractionLevelEnum)) level!: InteractionLevelEnum;
}

@InputType()
export class RecordBodyDivisionOfLabourInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => [String], { description: 'Member organisation codes taking the topic' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  organisations!: string[];
  @Field() @IsString() @MaxLength(200) topic!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2_000) note?: string;
}

@InputType()
export class DissolveCoordinationBodyInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'ISO date; today when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
}
