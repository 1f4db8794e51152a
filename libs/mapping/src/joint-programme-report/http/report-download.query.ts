import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The query string of a report download. Both are checked by the report itself (reportPeriod,
 * reportTableName), so GraphQL and HTTP refuse a bad value with the same words.
 */
export class ReportDownloadQuery {
  @IsOptional() @IsString() @MaxLength(20) period?: string;
  /** CSV only: budget, funding, indicators, narrative, sdg or markers. */
  @IsOptional() @IsString() @MaxLength(20) table?: string;
}
