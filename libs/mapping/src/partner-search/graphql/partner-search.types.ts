import {
  ActivityCodesFilterInput,
  ActivityStatusEnum,
  GuaranteeEnum,
  PolicyAreaEnum,
  TargetGroupEnum,
} from '@concord/programming';
import { codeEnum } from '@concord/platform';
import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { FACETS } from '../application/partner-search.query';

export const FacetNameEnum = codeEnum(FACETS, 'PartnerSearchFacet', 'What partner search counts matches by');

@InputType()
export class PartnerSearchFilterInput extends ActivityCodesFilterInput {
  @Field(() => Int, { nullable: true, description: 'Running at some time in this year' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

@ObjectType({ description: 'An activity as partner search finds it; `activity(id)` has the rest' })
export class PartnerActivityType {
  @Field() id!: string;
  @Field() title!: string;
  @Field({ description: 'Lead organisation code' }) organisation!: string;
  @Field(() => [String], { description: 'Partner organisation codes' }) partners!: string[];
  @Field() country!: string;
  @Field(() => ActivityStatusEnum) status!: string;
  @Field() start!: string;
  @Field() end!: string;
  @Field(() => [PolicyAreaEnum]) policyAreas!: string[];
  @Field(() => [GuaranteeEnum]) guarantees!: string[];
  @Field(() => [TargetGroupEnum]) targetGroups!: string[];
  @Field(() => Float, { description: 'How well the text matches; titles weigh more than descriptions' })
  score!: number;
}

@ObjectType()
export class PartnerActivityEdge {
  @Field() cursor!: string;
  @Field(() => PartnerActivityType) node!: PartnerActivityType;
}

@ObjectType()
export class FacetValueType {
  @Field() value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Matches counted by one field, most frequent first (at most 25 values)' })
export class FacetType {
  @Field(() => FacetNameEnum) name!: string;
  @Field(() => [FacetValueType]) values!: FacetValueType[];
}

@ObjectType()
export class SearchPageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class PartnerSearchResultType {
  @Field(() => Int) totalCount!: number;
  @Field(() => [PartnerActivityEdge]) edges!: PartnerActivityEdge[];
  @Field(() => SearchPageInfo) pageInfo!: SearchPageInfo;
  @Field(() => [FacetType]) facets!: FacetType[];
}
