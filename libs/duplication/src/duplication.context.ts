import type { BoundedContext } from '@concord/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DuplicationFlagCommandHandler } from './flag/application/duplication-flag-command.handler';
import { DuplicationFlagQueries } from './flag/application/duplication-flag.queries';
import { DuplicationFlagChangedResolver } from './flag/graphql/duplication-flag-changed.resolver';
import { DuplicationFlagResolver } from './flag/graphql/duplication-flag.resolver';
import { DUPLICATION_FLAG_STREAM } from './flag/domain/duplication-flag.aggregate';
import { duplicationFlagProjection } from './flag/read-model/duplication-flag.projection';
import { DuplicationFlagRow } from './flag/read-model/duplication-flag.rows';
import { DuplicationFlags1763900012000 } from './migrations/1763900012000-duplication-flags';
import { ActivityWords1763900013000 } from './migrations/1763900013000-activity-words';
import { duplicationDetector } from './detector/application/duplication-detector.reactor';
import { activityWordsProjection } from './detector/read-model/activity-words.projection';

/** The duplication context's command handler, queries and GraphQL. */
@Module({
  imports: [CqrsModule],
  providers: [
    DuplicationFlagCommandHandler,
    DuplicationFlagQueries,
    DuplicationFlagResolver,
    DuplicationFlagChangedResolver,
  ],
})
export class DuplicationModule {}

/** Duplication flags raised by the detector (streaming and batch) and decided on by coordinators. */
export const duplicationContext: BoundedContext = {
  name: 'duplication',
  streams: [{ streamType: DUPLICATION_FLAG_STREAM, context: 'duplication' }],
  entities: [DuplicationFlagRow],
  migrations: [DuplicationFlags1763900012000, ActivityWords1763900013000],
  projections: [duplicationFlagProjection, activityWordsProjection],
  reactors: [duplicationDetector],
  module: DuplicationModule,
};
