import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationCommandHandler } from './application/organisation-command.handler';
import { OrganisationQueries } from './application/organisation.queries';
import { OrganisationResolver } from './graphql/organisation.resolver';

@Module({
  imports: [CqrsModule],
  providers: [OrganisationCommandHandler, OrganisationQueries, OrganisationResolver],
  exports: [OrganisationQueries],
})
export class OrganisationModule {}
