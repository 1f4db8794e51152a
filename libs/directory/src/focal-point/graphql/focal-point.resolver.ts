import { newId } from '@concord/kernel';
import {
  CommandResult,
  commandMetaOf,
  Ctx,
  loaderFor,
  toCommandResult,
  toConnection,
  type CommandInput,
  type RequestContext,
} from '@concord/platform';
import type { AppendResult } from '@concord/eventing';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganisationType } from '../../organisation/graphql/organisation.types';
import { ExecuteFocalPointCommand } from '../application/focal-point.command';
import { FocalPointQueries, type FocalPointView } from '../application/focal-point.queries';
import type { FocalPointCommand } from '../domain/focal-point.commands';
import {
  FocalPointConnection,
  FocalPointFilterInput,
  FocalPointType,
  MarkFocalPointLeftInput,
  RegisterFocalPointInput,
  UpdateFocalPointInput,
} from './focal-point.types';

/** Thin: GraphQL input → command on the bus, or → query service (which hides personal data). */
@Resolver(() => FocalPointType)
export class FocalPointResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: FocalPointQueries,
  ) {}

  @Query(() => FocalPointType, { nullable: true })
  focalPoint(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.queries.byId(id, ctx.actor);
  }

  @Query(() => FocalPointConnection)
  async focalPoints(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => FocalPointFilterInput, nullable: true }) filter?: FocalPointFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }, ctx.actor));
  }

  @ResolveField(() => OrganisationType, { nullable: true, description: 'Null when the code is not in the directory' })
  organisation(@Parent() focalPoint: FocalPointView, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'organisation.byCode',
      (codes: readonly string[]) => this.queries.organisationsByCode(codes),
      (rows, code) => rows.find((r) => r.code === code) ?? null,
    ).load(focalPoint.organisationCode);
  }

  @Mutation(() => CommandResult)
  registerFocalPoint(@Args('input') input: RegisterFocalPointInput, @Ctx() ctx: RequestContext) {
    const { personName, email, organisation, country, role } = input;
    const data = {
      personName,
      email,
      phone: input.phone ?? undefined,
      organisation,
      country,
      role,
      tags: input.tags ?? undefined,
    };
    return this.send(newId(), { type: 'RegisterFocalPoint', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Each given field replaces the current one' })
  updateFocalPoint(@Args('input') input: UpdateFocalPointInput, @Ctx() ctx: RequestContext) {
    // null means "not given", except for phone, where it removes the number.
    const data = {
      personName: input.personName ?? undefined,
      email: input.email ?? undefined,
      phone: input.phone,
      role: input.role ?? undefined,
      tags: input.tags ?? undefined,
    };
    return this.send(input.id, { type: 'UpdateFocalPoint', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  markFocalPointLeft(@Args('input') input: MarkFocalPointLeftInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'MarkFocalPointLeft', data: { on: input.on ?? undefined } }, input, ctx);
  }

  private async send(id: string, command: FocalPointCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteFocalPointCommand, AppendResult>(
      new ExecuteFocalPointCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
