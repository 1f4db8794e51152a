import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CooperationFrameworkCommandHandler } from './application/cooperation-framework-command.handler';
import { CooperationFrameworkQueries } from './application/cooperation-framework.queries';
import { CooperationFrameworkResolver, FrameworkResultResolver } from './graphql/cooperation-framework.resolver';

@Module({
  imports: [CqrsModule],
  providers: [
    CooperationFrameworkCommandHandler,
    CooperationFrameworkQueries,
    CooperationFrameworkResolver,
    FrameworkResultResolver,
  ],
  exports: [CooperationFrameworkQueries],
})
export class CooperationFrameworkModule {}
