import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CooperationFrameworkModule } from '../cooperation-framework/cooperation-framework.module';
import { JointProgrammeCommandHandler } from './application/joint-programme-command.handler';
import { JointProgrammeQueries } from './application/joint-programme.queries';
import { LinkedActivities } from './application/linked-activities';
import { JointProgrammeChangedResolver } from './graphql/joint-programme-changed.resolver';
import { JointProgrammeResolver } from './graphql/joint-programme.resolver';

/** Joint programmes read framework results (links are checked and shown through them). */
@Module({
  imports: [CqrsModule, CooperationFrameworkModule],
  providers: [
    JointProgrammeCommandHandler,
    JointProgrammeQueries,
    LinkedActivities,
    JointProgrammeResolver,
    JointProgrammeChangedResolver,
  ],
  exports: [JointProgrammeQueries],
})
export class JointProgrammeModule {}
