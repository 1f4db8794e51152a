import { CommandInput, Connection } from '@concord/platform';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export enum CooperationFrameworkStatusEnum {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
export enum FrameworkResultKindEnum {
  STRATEGIC_PRIORITY = 'STRATEGIC_PRIORITY',
  OUTCOME = 'OUTCOME',
  OUTPUT = 'OUTPUT',
}
registerEnumType(CooperationFrameworkStatusEnum, { name: 'CooperationFrameworkStatus' });
registerEnumType(FrameworkResultKindEnum, {
  name: 'FrameworkResultKind',
  description: 'Level of the results hierarchy: strategic priority → outcome → output',
});

const MAX_LIST = 50;

@ObjectType('FrameworkIndicator')
export class IndicatorType {
  @Field() code!: string;
  @Field() name!: string;
  @Field({ description: 'Decimal string' }) baseline!: string;
  @Field({ description: 'Decimal string' }) target!: string;
  @Field() unit!: string;
}

@ObjectType('FrameworkResult', { description: 'A strategic priority, outcome or output of a Cooperation Framework' })
export class FrameworkResultType {
  @Field(() => ID, { description: 'frameworkId:code — the id joint programmes and activities link to' }) id!: string;
  @Field(() => ID) frameworkId!: string;
  @Field() frameworkCode!: string;
  @Field(() => FrameworkResultKindEnum) kind!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field() title!: string;
  @Field(() => [String], { description: "The framework's countries (ISO3)" }) countries!: string[];
  @Field(() => [String]) sdgTargets!: string[];
  @Field(() => [IndicatorType]) indicators!: IndicatorType[];
}

@ObjectType('CooperationFramework')
export class CooperationFrameworkType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' }) countries!: string[];
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) endDate!: string;
  @Field(() => CooperationFrameworkStatusEnum) status!: string;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

export const CooperationFrameworkConnection = Connection(CooperationFrameworkType, 'CooperationFramework');

@InputType()
export class CooperationFrameworkFilterInput {
  @Field({ nullable: true, description: 'Frameworks covering this country (ISO3)' })
  @IsOptional()
  @IsString()
  country?: string;
  @Field(() => CooperationFrameworkStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CooperationFrameworkStatusEnum))
  status?: CooperationFrameworkStatusEnum;
}

@InputType()
export class CreateCooperationFrameworkInput extends CommandInput {
  @Field({ description: 'Unique code, e.g. KHM-UNSDCF-2019' }) @IsString() @MaxLength(40) code!: string;
  @Field() @IsString() @MaxLength(300) title!: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  countries!: string[];
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) startDate!: string;
  @Field({ description: 'YYYY-MM-DD, after startDate' }) @IsString() @MaxLength(10) endDate!: string;
}

@InputType({ isAbstract: true })
abstract class ResultInput extends CommandInput {
  @Field(() => ID, { description: 'The framework' }) @IsString() id!: string;
  @Field({ description: 'Unique within the framework, e.g. 1.2.3' }) @IsString() @MaxLength(40) code!: string;
  @Field() @IsString() @MaxLength(300) title!: string;
  @Field(() => [String], { nullable: true, description: "SDG target codes, e.g. '1.3'" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  sdgTargets?: string[];
}

@InputType()
export class AddStrategicPriorityInput extends ResultInput {}

@InputType()
export class AddOutcomeInput extends ResultInput {
  @Field({ description: 'Code of the strategic priority it serves' }) @IsString() @MaxLength(40) priorityCode!: string;
}

@InputType()
export class AddOutputInput extends ResultInput {
  @Field({ description: 'Code of the outcome it serves' }) @IsString() @MaxLength(40) outcomeCode!: string;
}

@InputType()
export class IndicatorInput {
  @Field() @IsString() @MaxLength(40) code!: string;
  @Field() @IsString() @MaxLength(300) name!: string;
  @Field({ description: 'Decimal string, e.g. "12.5"' }) @IsString() @MaxLength(30) baseline!: string;
  @Field({ description: 'Decimal string' }) @IsString() @MaxLength(30) target!: string;
  @Field({ description: "e.g. '%', 'households'" }) @IsString() @MaxLength(50) unit!: string;
}

@InputType()
export class DefineIndicatorInput extends CommandInput {
  @Field(() => ID, { description: 'The framework' }) @IsString() id!: string;
  @Field({ description: 'Code of the outcome or output' }) @IsString() @MaxLength(40) resultCode!: string;
  @Field(() => IndicatorInput) @ValidateNested() @Type(() => IndicatorInput) indicator!: IndicatorInput;
}

@InputType()
export class ActivateCooperationFrameworkInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
}

@InputType()
export class CloseCooperationFrameworkInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
}
