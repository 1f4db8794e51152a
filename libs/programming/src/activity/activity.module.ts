import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActivityCommandHandler } from './application/activity-command.handler';
import { ActivityQueries } from './application/activity.queries';
import { JointProgrammePeriods } from './application/joint-programme-periods';
import { ActivityChangedResolver } from './graphql/activity-changed.resolver';
import { ActivityResolver } from './graphql/activity.resolver';

@Module({
  imports: [CqrsModule],
  providers: [
    ActivityCommandHandler,
    ActivityQueries,
    JointProgrammePeriods,
    ActivityResolver,
    ActivityChangedResolver,
  ],
  exports: [ActivityQueries],
})
export class ActivityModule {}
