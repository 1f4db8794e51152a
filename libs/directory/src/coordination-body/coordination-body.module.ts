import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CoordinationBodyCommandHandler } from './application/coordination-body-command.handler';
import { CoordinationBodyQueries } from './application/coordination-body.queries';
import { BodyMemberResolver, CoordinationBodyResolver } from './graphql/coordination-body.resolver';

@Module({
  imports: [CqrsModule],
  providers: [CoordinationBodyCommandHandler, CoordinationBodyQueries, CoordinationBodyResolver, BodyMemberResolver],
  exports: [CoordinationBodyQueries],
})
export class CoordinationBodyModule {}
