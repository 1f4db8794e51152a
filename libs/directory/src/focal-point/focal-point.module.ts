import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FocalPointCommandHandler } from './application/focal-point-command.handler';
import { FocalPointQueries } from './application/focal-point.queries';
import { FocalPointResolver } from './graphql/focal-point.resolver';

@Module({
  imports: [CqrsModule],
  providers: [FocalPointCommandHandler, FocalPointQueries, FocalPointResolver],
  exports: [FocalPointQueries],
})
export class FocalPointModule {}
