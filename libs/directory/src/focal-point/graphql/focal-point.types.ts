import { CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export enum FocalPointStatusEnum {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}
registerEnumType(FocalPointStatusEnum, { name: 'FocalPointStatus' });

const PERSONAL = 'Personal data: null unless the caller is signed in';

@ObjectType('FocalPoint', { description: 'A person who speaks for an organisation in a country' })
export class FocalPointType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: PERSONAL }) personName!: string | null;
  @Field(() => String, { nullable: true, description: PERSONAL }) email!: string | null;
  @Field(() => String, { nullable: true, description: PERSONAL }) phone!: string | null;
  @Field({ description: 'Directory code of the organisation' }) organisationCode!: string;
  @Field({ description: 'ISO 3166-1 alpha-3' }) country!: string;
  @Field({ description: 'Role or title' }) role!: string;
  @Field(() => [String], { description: 'Expertise: policy area, floor guarantee or function codes' })
  tags!: string[];
  @Field(() => FocalPointStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'ISO date' }) leftOn!: string | null;
  @Field(() => Int) version!: number;
  @Field() registeredAt!: Date;
  @Field() updatedAt!: Date;
}

export const FocalPointConnection = Connection(FocalPointType, 'FocalPoint');

@InputType()
export class FocalPointFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() country?: string;
  @Field({ nullable: true, description: 'Organisation code' }) @IsOptional() @IsString() organisation?: string;
  @Field({ nullable: true, description: 'An expertise tag' }) @IsOptional() @IsString() tag?: string;
  @Field(() => FocalPointStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(FocalPointStatusEnum))
  status?: FocalPointStatusEnum;
}

@InputType()
export class RegisterFocalPointInput extends CommandInput {
  @Field() @IsString() @MaxLength(200) personName!: string;
  @Field() @IsString() @MaxLength(254) email!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @Field({ description: 'Directory code of the organisation' }) @IsString() @MaxLength(30) organisation!: string;
  @Field({ description: 'ISO 3166-1 alpha-3' }) @IsString() @MaxLength(3) country!: string;
  @Field({ description: 'Role or title' }) @IsString() @MaxLength(200) role!: string;
  @Field(() => [String], { nullable: true, description: 'Policy area, floor guarantee or function codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  tags?: string[];
}

@InputType()
export class UpdateFocalPointInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) personName?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @Field(() => String, { nullable: true, description: 'null removes the number' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) role?: string;
  @Field(() => [String], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  tags?: string[];
}

@InputType()
export class MarkFocalPointLeftInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true, description: 'ISO date; today when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
}
