import { codeEnum, CommandInput, Connection, LiveChangeType } from '@concord/platform';
import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';

export const FlagKindEnum = codeEnum(
  ['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT', 'COMPETING_PROPOSALS'] as const,
  'DuplicationKind',
  'The same activity twice; different organisations doing the same for the same people at the same time; competing pitches',
);
export const FlagStatusEnum = codeEnum(
  ['OPEN', 'CONFIRMED', 'DISMISSED', 'RESOLVED', 'CLEARED'] as const,
  'DuplicationFlagStatus',
  'Where a flag stands',
);
export const DismissalEnum = codeEnum(
  ['FALSE_POSITIVE', 'COMPLEMENTARY'] as const,
  'FlagDismissal',
  'Why a flag is dismissed',
);
export const ResolutionEnum = codeEnum(
  ['MERGED', 'DIVISION_OF_LABOUR_AGREED', 'TURNED_INTO_JOINT_PROGRAMME'] as const,
  'FlagResolution',
  'How a flag was resolved',
);

@ObjectType('FlagReason', { description: 'One signal behind a flag, in words, with its points in the score' })
export class FlagReasonType {
  @Field() signal!: string;
  @Field() says!: string;
  @Field(() => Float) points!: number;
}

@ObjectType('FlaggedSubject', { description: 'An activity or proposal a flag is about' })
export class FlaggedSubjectType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'The lead organisation' }) organisation!: string;
  @Field() start!: string;
  @Field() end!: string;
}

@ObjectType('FlagComment')
export class FlagCommentType {
  @Field() by!: string;
  @Field(() => String, { nullable: true }) organisation!: string | null;
  @Field() text!: string;
  @Field() at!: string;
}

@ObjectType('DuplicationFlag', { description: 'Two activities the detector finds alike, and what people decided' })
export class DuplicationFlagType {
  @Field(() => ID) id!: string;
  @Field(() => FlagKindEnum) kind!: string;
  @Field(() => FlagStatusEnum) status!: string;
  @Field(() => Float) score!: number;
  @Field() country!: string;
  @Field(() => [String], { description: 'Lead organisations of the subjects' }) organisations!: string[];
  @Field(() => [FlagReasonType], { description: 'The signals behind the score, strongest first' })
  reasons!: FlagReasonType[];
  @Field(() => String, { nullable: true, description: 'CONFIRMED, the dismissal or the resolution' })
  decision!: string | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => [FlagCommentType]) comments!: FlagCommentType[];
  @Field(() => Int) version!: number;
  @Field() raisedAt!: Date;
  @Field() updatedAt!: Date;
}

export const DuplicationFlagConnection = Connection(DuplicationFlagType, 'DuplicationFlag');

@InputType()
export class DuplicationFlagFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() country?: string;
  @Field(() => FlagKindEnum, { nullable: true }) @IsOptional() @IsIn(Object.values(FlagKindEnum)) kind?: string;
  @Field(() => FlagStatusEnum, { nullable: true }) @IsOptional() @IsIn(Object.values(FlagStatusEnum)) status?: string;
  @Field({ nullable: true, description: 'Lead organisation of a subject' })
  @IsOptional()
  @IsString()
  organisation?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() minScore?: number;
}

@InputType()
export class ConfirmFlagInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@InputType()
export class DismissFlagInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => DismissalEnum) @IsIn(Object.values(DismissalEnum)) as!: 'FALSE_POSITIVE' | 'COMPLEMENTARY';
  @Field() @IsString() @MaxLength(2000) reason!: string;
}

@InputType()
export class ResolveFlagInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => ResolutionEnum) @IsIn(Object.values(ResolutionEnum)) as!: keyof typeof ResolutionEnum;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@InputType()
export class ReopenFlagInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field() @IsString() @MaxLength(2000) reason!: string;
}

@InputType()
export class CommentOnFlagInput extends CommandInput {
  @Field(() => ID) @IsString() id!: string;
  @Field() @IsString() @MaxLength(2000) text!: string;
}

@ObjectType('DuplicationFlagChange', { description: 'A duplication flag raised, rescored, decided or cleared' })
export class DuplicationFlagChangeType extends LiveChangeType {
  @Field(() => ID) flagId!: string;
  @Field(() => DuplicationFlagType, { nullable: true, description: 'The flag now' })
  flag?: DuplicationFlagType;
}
