import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ActivityStatusEnum, GuaranteeEnum, PolicyAreaEnum, TargetGroupEnum } from '@concord/programming';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query string of a 3W export: the country, and the activity filters. */
export class ThreeWQuery {
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code such as KHM' }) country!: string;
  @IsOptional() @IsIn(Object.values(ActivityStatusEnum)) status?: string;
  @IsOptional() @IsIn(Object.values(PolicyAreaEnum)) policyArea?: string;
  @IsOptional() @IsIn(Object.values(GuaranteeEnum)) guarantee?: string;
  @IsOptional() @IsIn(Object.values(TargetGroupEnum)) targetGroup?: string;
  @IsOptional() @IsString() @MaxLength(40) organisation?: string;
  @IsOptional() @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' }) from?: string;
  @IsOptional() @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' }) to?: string;
}
