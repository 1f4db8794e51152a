import type { BoundedContext } from '@concord/platform';
import { Module } from '@nestjs/common';
import { CoordinationViewQuery } from './coordination-view/application/coordination-view.query';
import { CoordinationViewResolver } from './coordination-view/graphql/coordination-view.resolver';
import { FrameworkAlignmentQuery } from './framework-alignment/application/framework-alignment.query';
import { FrameworkAlignmentResolver } from './framework-alignment/graphql/framework-alignment.resolver';
import { JointProgrammeReportQuery } from './joint-programme-report/application/joint-programme-report.query';
import { JointProgrammeReportResolver } from './joint-programme-report/graphql/joint-programme-report.resolver';
import { JointProgrammeReportController } from './joint-programme-report/http/joint-programme-report.controller';
import { ActivityDocuments1763900014000 } from './migrations/1763900014000-activity-documents';
import { FrameworkOutputIndex1763900015000 } from './migrations/1763900015000-framework-output-index';
import { PartnerSearchQuery } from './partner-search/application/partner-search.query';
import { PartnerSearchResolver } from './partner-search/graphql/partner-search.resolver';
import { activityDocumentProjection } from './partner-search/read-model/activity-document.projection';
import { ThreeWExport } from './three-w/application/three-w-export';
import { ThreeWController } from './three-w/http/three-w.controller';
import { WhoDoesWhatQuery } from './who-does-what/application/who-does-what.query';
import { WhoDoesWhatResolver } from './who-does-what/graphql/who-does-what.resolver';

/** The mapping context's queries and GraphQL. */
@Module({
  controllers: [ThreeWController, JointProgrammeReportController],
  providers: [
    ThreeWExport,
    WhoDoesWhatQuery,
    WhoDoesWhatResolver,
    PartnerSearchQuery,
    PartnerSearchResolver,
    FrameworkAlignmentQuery,
    FrameworkAlignmentResolver,
    CoordinationViewQuery,
    CoordinationViewResolver,
    JointProgrammeReportQuery,
    JointProgrammeReportResolver,
  ],
})
export class MappingModule {}

/**
 * The answers users come for (issue 5): who does what where and partner search, over the read
 * models of the directory and programming contexts and its own text search documents. It writes
 * no events of its own.
 */
export const mappingContext: BoundedContext = {
  name: 'mapping',
  streams: [],
  entities: [],
  migrations: [ActivityDocuments1763900014000, FrameworkOutputIndex1763900015000],
  projections: [activityDocumentProjection],
  module: MappingModule,
};
