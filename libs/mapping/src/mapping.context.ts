import type { BoundedContext } from '@concord/platform';
import { Module } from '@nestjs/common';
import { WhoDoesWhatQuery } from './who-does-what/application/who-does-what.query';
import { WhoDoesWhatResolver } from './who-does-what/graphql/who-does-what.resolver';

/** The mapping context's queries and GraphQL. */
@Module({
  providers: [WhoDoesWhatQuery, WhoDoesWhatResolver],
})
export class MappingModule {}

/**
 * The answers users come for (issue 5): who does what where, over the read models of the
 * directory and programming contexts. It writes no events of its own.
 */
export const mappingContext: BoundedContext = {
  name: 'mapping',
  streams: [],
  entities: [],
  migrations: [],
  projections: [],
  module: MappingModule,
};
