import { Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CommandInput } from '@concord/platform';

export enum MandateAreaKindEnum {
  POLICY_AREA = 'POLICY_AREA',
  GUARANTEE = 'GUARANTEE',
  SDG_GOAL = 'SDG_GOAL',
}
export enum MandateLevelEnum {
  LEAD = 'LEAD',
  CORE = 'CORE',
  CONTRIBUTING = 'CONTRIBUTING',
}
export enum ResidencyEnum {
  RESIDENT = 'RESIDENT',
  NON_RESIDENT = 'NON_RESIDENT',
}
registerEnumType(MandateAreaKindEnum, {
  name: 'MandateAreaKind',
  description: 'Policy area, floor guarantee or SDG goal',
});
registerEnumType(MandateLevelEnum, { name: 'MandateLevel' });
registerEnumType(ResidencyEnum, { name: 'Residency' });

@ObjectType('LocalisedNames')
export class LocalisedNamesType {
  @Field({ nullable: true }) en?: string;
  @Field({ nullable: true }) fr?: string;
  @Field({ nullable: true }) es?: string;
}

@ObjectType('Mandate')
export class MandateType {
  @Field(() => MandateAreaKindEnum) areaKind!: string;
  @Field() areaCode!: string;
  @Field(() => MandateLevelEnum) level!: string;
}

@ObjectType('CountryPresence')
export class CountryPresenceType {
  @Field({ description: 'ISO 3166-1 alpha-3' }) country!: string;
  @Field(() => ResidencyEnum) residency!: string;
  @Field(() => String, { nullable: true }) office!: string | null;
  @Field() establishedAt!: Date;
}

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => LocalisedNamesType) names!: LocalisedNamesType;
  @Field({ description: 'IATI OrganisationType code' }) type!: string;
  @Field(() => String, { nullable: true }) iatiOrgId!: string | null;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int) version!: number;
  @Field() registeredAt!: Date;
  @Field() updatedAt!: Date;
}

export const OrganisationConnection = Connection(OrganisationType, 'Organisation');

@InputType()
export class LocalisedNamesInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) en?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) fr?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) es?: string;
}

@InputType()
export class MandateAreaInput {
  @Field(() => MandateAreaKindEnum) @IsIn(Object.values(MandateAreaKindEnum)) kind!: MandateAreaKindEnum;
  @Field() @IsString() @IsNotEmpty() @MaxLength(40) code!: string;
}

@InputType()
export class OrganisationFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() type?: string;
  @Field({ nullable: true, description: 'Organisations present in this country' })
  @IsOptional()
  @IsString()
  country?: string;
  @Field(() => MandateAreaInput, { nullable: true, description: 'Organisations with this mandate' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MandateAreaInput)
  mandate?: MandateAreaInput;
}

@InputType()
export class RegisterOrganisationInput extends CommandInput {
  @Field({ description: 'Short unique code, e.g. UNICEF, WORLD_BANK' }) @IsString() @MaxLength(30) code!: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => LocalisedNamesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedNamesInput)
  names?: LocalisedNamesInput;
  @Field({ description: 'IATI OrganisationType code, e.g. 40 (multilateral)' })
  @IsString()
  @MaxLength(10)
  type!: string;
  @Field({ nullable: true, description: 'e.g. XM-DAC-41122' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  iatiOrgId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() parentId?: string;
}

@InputType()
export class RenameOrganisationInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Field(() => LocalisedNamesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedNamesInput)
  names?: LocalisedNamesInput;
}

@InputType()
export class DeclareMandateInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => MandateAreaInput) @ValidateNested() @Type(() => MandateAreaInput) area!: MandateAreaInput;
  @Field(() => MandateLevelEnum) @IsIn(Object.values(MandateLevelEnum)) level!: MandateLevelEnum;
}

@InputType()
export class WithdrawMandateInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => MandateAreaInput) @ValidateNested() @Type(() => MandateAreaInput) area!: MandateAreaInput;
}

@InputType()
export class EstablishCountryPresenceInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ description: 'ISO 3166-1 alpha-3' }) @IsString() @MaxLength(3) country!: string;
  @Field(() => ResidencyEnum) @IsIn(Object.values(ResidencyEnum)) residency!: ResidencyEnum;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) office?: string;
}

@InputType()
export class CloseCountryPresenceInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field() @IsString() @MaxLength(3) country!: string;
}
