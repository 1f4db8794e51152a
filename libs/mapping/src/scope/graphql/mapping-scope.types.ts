import { codeEnum } from '@concord/platform';
import { REGIONS } from '@concord/reference';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const RegionEnum = codeEnum(
  REGIONS.map((r) => r.code),
  'Region',
  'UN regions, one per UNDP regional bureau',
);

@InputType({ description: 'One country, one region, or neither for the world' })
export class MappingScopeInput {
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-3' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code such as KHM' })
  country?: string;
  @Field(() => RegionEnum, { nullable: true }) @IsOptional() @IsIn(Object.values(RegionEnum)) region?: string;
}
