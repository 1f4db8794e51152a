import { Module } from '@nestjs/common';
import { CooperationFrameworkModule } from './cooperation-framework/cooperation-framework.module';
import { JointProgrammeModule } from './joint-programme/joint-programme.module';

/** Programming's GraphQL and command handlers: one module per aggregate. */
@Module({ imports: [CooperationFrameworkModule, JointProgrammeModule] })
export class ProgrammingModule {}
