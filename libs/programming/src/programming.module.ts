import { Module } from '@nestjs/common';
import { ActivityModule } from './activity/activity.module';
import { CooperationFrameworkModule } from './cooperation-framework/cooperation-framework.module';
import { JointProgrammeModule } from './joint-programme/joint-programme.module';

/** Programming's GraphQL and command handlers: one module per aggregate. */
@Module({ imports: [CooperationFrameworkModule, JointProgrammeModule, ActivityModule] })
export class ProgrammingModule {}
