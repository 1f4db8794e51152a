import { Ctx, type RequestContext } from '@concord/platform';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { FrameworkAlignmentQuery } from '../application/framework-alignment.query';
import { FrameworkAlignmentType } from './framework-alignment.types';

/** Thin: framework id → query service. Anonymous callers see published frameworks only. */
@Resolver(() => FrameworkAlignmentType)
export class FrameworkAlignmentResolver {
  constructor(private readonly query: FrameworkAlignmentQuery) {}

  @Query(() => FrameworkAlignmentType, {
    description:
      "A Cooperation Framework's outcomes and outputs × organisations, what is and is not linked to it, " +
      'outcomes with no activity, one agency only or a funding gap, and SDG targets on one side only',
  })
  frameworkAlignment(@Ctx() ctx: RequestContext, @Args('frameworkId', { type: () => ID }) frameworkId: string) {
    return this.query.alignment(frameworkId, ctx.actor);
  }
}
