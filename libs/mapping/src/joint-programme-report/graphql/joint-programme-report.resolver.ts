import { Ctx, type RequestContext } from '@concord/platform';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { JointProgrammeReportQuery } from '../application/joint-programme-report.query';
import { JointProgrammeProgressReportType } from './joint-programme-report.types';

/** Thin: programme and period → query service, which decides what the caller may see. */
@Resolver(() => JointProgrammeProgressReportType)
export class JointProgrammeReportResolver {
  constructor(private readonly query: JointProgrammeReportQuery) {}

  @Query(() => JointProgrammeProgressReportType, {
    description:
      "A joint programme's progress report for a period: budget against expenditure by agency, funding by " +
      'source, results indicators, narrative by agency, SDG targets and markers',
  })
  jointProgrammeReport(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, description: "The programme's id or code, e.g. JP-KHM" }) id: string,
    @Args('period', { description: "'2024', '2024-H1' or '2024-Q3'" }) period: string,
  ) {
    return this.query.report(id, period, ctx.actor);
  }
}
