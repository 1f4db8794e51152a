import { codeEnum } from '@concord/platform';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MARKER_KINDS } from '../domain/joint-programme-report';

const MarkerKindEnum = codeEnum(MARKER_KINDS, 'ReportMarker', "UN INFO's gender equality and human rights markers");

@ObjectType('JpReportProgramme')
export class JpReportProgrammeType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-3' }) countries!: string[];
  @Field() status!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endDate!: string | null;
  @Field(() => String, { nullable: true }) leadOrganisation!: string | null;
  @Field(() => String, { nullable: true }) leadOrganisationName!: string | null;
  @Field(() => [String], { description: 'Government counterparts' }) counterparts!: string[];
  @Field(() => [String], { description: 'As the programme document names them' }) fundingSources!: string[];
}

@ObjectType('JpReportPeriod')
export class JpReportPeriodType {
  @Field({ description: "'2024', '2024-H1' or '2024-Q3'" }) code!: string;
  @Field(() => Int) year!: number;
  @Field({ description: 'YYYY-MM-DD' }) start!: string;
  @Field({ description: 'YYYY-MM-DD' }) end!: string;
}

@ObjectType('JpReportBudgetLine', { description: 'One agency in one currency; an agency with no figure has one line' })
export class JpReportBudgetLineType {
  @Field() organisation!: string;
  @Field() organisationName!: string;
  @Field(() => String, { nullable: true, description: 'LEAD or PARTICIPATING; null for a non-participant' })
  role!: string | null;
  @Field(() => String, { nullable: true, description: "Percentage of the programme's budget" })
  budgetShare!: string | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Required by the linked activities' budget lines of the period's year",
  })
  required!: string | null;
  @Field(() => String, { nullable: true, description: 'Funded (available) in those budget lines' })
  available!: string | null;
  @Field(() => String, { nullable: true, description: "Expenditure in the period's progress report" })
  expenditure!: string | null;
  @Field(() => String, { nullable: true, description: 'expenditure ÷ available, percent, one decimal' })
  delivery!: string | null;
}

@ObjectType('JpReportBudgetTotal')
export class JpReportBudgetTotalType {
  @Field() currency!: string;
  @Field() required!: string;
  @Field() available!: string;
  @Field() expenditure!: string;
  @Field(() => String, { nullable: true }) delivery!: string | null;
}

@ObjectType('JpReportFundingLine')
export class JpReportFundingLineType {
  @Field({ description: "The donor's code, or the source as the programme document names it" }) source!: string;
  @Field() sourceName!: string;
  @Field({ description: "Named among the programme's funding sources" }) declared!: boolean;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field(() => String, { nullable: true, description: "Incoming commitments up to the period's end" })
  committed!: string | null;
  @Field(() => String, { nullable: true, description: "Incoming funds up to the period's end" })
  received!: string | null;
}

@ObjectType('JpReportIndicator')
export class JpReportIndicatorType {
  @Field(() => String, {
    nullable: true,
    description: "'<framework code> <result code>'; null for an actual under a code no linked result defines",
  })
  result!: string | null;
  @Field(() => String, { nullable: true }) resultTitle!: string | null;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) baseline!: string | null;
  @Field(() => String, { nullable: true }) target!: string | null;
  @Field(() => String, { nullable: true, description: "From the period's progress report" }) actual!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '(actual − baseline) ÷ (target − baseline), percent, one decimal',
  })
  progress!: string | null;
}

@ObjectType('JpReportNarrative')
export class JpReportNarrativeType {
  @Field() organisation!: string;
  @Field() organisationName!: string;
  @Field() text!: string;
}

@ObjectType('JpReportSdgTarget')
export class JpReportSdgTargetType {
  @Field() target!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => [String], { description: "'programme' and/or the linked results naming it" }) namedBy!: string[];
}

@ObjectType('JpReportMarker')
export class JpReportMarkerType {
  @Field(() => MarkerKindEnum) marker!: string;
  @Field(() => Int, { description: '0–3' }) level!: number;
  @Field() meaning!: string;
  @Field({ description: "'programme', or the linked activity it is set on" }) setOn!: string;
}

@ObjectType('JointProgrammeProgressReport', {
  description:
    "A joint programme's consolidated progress report for one period (docs/mapping.md, ADR 0012); " +
    'also downloadable as Markdown, HTML, PDF and CSV under /exports/joint-programmes/{id}/',
})
export class JointProgrammeProgressReportType {
  @Field(() => JpReportProgrammeType) programme!: JpReportProgrammeType;
  @Field(() => JpReportPeriodType) period!: JpReportPeriodType;
  @Field(() => Int, { description: '1 for the first report of the period, +1 per revision' }) revision!: number;
  @Field({ description: 'ISO 8601' }) reportedAt!: string;
  @Field({ description: 'ISO 8601' }) revisedAt!: string;
  @Field(() => [JpReportBudgetLineType]) budget!: JpReportBudgetLineType[];
  @Field(() => [JpReportBudgetTotalType]) budgetTotals!: JpReportBudgetTotalType[];
  @Field({ description: 'false for anonymous callers: sources without amounts (contributions need sign-in)' })
  fundingAmountsShown!: boolean;
  @Field(() => [JpReportFundingLineType]) funding!: JpReportFundingLineType[];
  @Field(() => [JpReportIndicatorType]) indicators!: JpReportIndicatorType[];
  @Field(() => [JpReportNarrativeType]) narratives!: JpReportNarrativeType[];
  @Field(() => [JpReportSdgTargetType]) sdgTargets!: JpReportSdgTargetType[];
  @Field(() => [JpReportMarkerType]) markers!: JpReportMarkerType[];
}
