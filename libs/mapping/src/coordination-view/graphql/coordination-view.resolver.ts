import { Ctx, type RequestContext } from '@concord/platform';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { CoordinationViewQuery } from '../application/coordination-view.query';
import { CoordinationViewType } from './coordination-view.types';

/** Thin: country → query service. */
@Resolver(() => CoordinationViewType)
export class CoordinationViewResolver {
  constructor(private readonly query: CoordinationViewQuery) {}

  @Query(() => CoordinationViewType, {
    description:
      "A country's coordination bodies and members, who works there but sits in no social protection " +
      'working group, and the interaction levels recorded between stakeholders',
  })
  coordinationView(
    @Ctx() ctx: RequestContext,
    @Args('country', { description: 'ISO 3166-1 alpha-3' }) country: string,
  ) {
    return this.query.view(country, ctx.actor);
  }
}
