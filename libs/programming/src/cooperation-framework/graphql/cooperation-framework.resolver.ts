import type { AppendResult } from '@concord/eventing';
import { ConcordError, newId } from '@concord/kernel';
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
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ExecuteCooperationFrameworkCommand } from '../application/cooperation-framework.command';
import { isFrameworkPublished } from '../application/cooperation-framework.policy';
import { CooperationFrameworkQueries } from '../application/cooperation-framework.queries';
import type { CooperationFrameworkCommand } from '../domain/cooperation-framework.commands';
import type { CooperationFrameworkRow, FrameworkResultRow } from '../read-model/cooperation-framework.rows';
import {
  ActivateCooperationFrameworkInput,
  AddOutcomeInput,
  AddOutputInput,
  AddStrategicPriorityInput,
  CloseCooperationFrameworkInput,
  CooperationFrameworkConnection,
  CooperationFrameworkFilterInput,
  CooperationFrameworkType,
  CreateCooperationFrameworkInput,
  DefineIndicatorInput,
  FrameworkResultKindEnum,
  FrameworkResultType,
} from './cooperation-framework.types';

/** `id` or `code`, exactly one: shared by the one-item queries of this lib. */
export function exactlyOneOf(id: string | undefined, code: string | undefined): void {
  if (!id === !code) {
    throw ConcordError.badInput('ID_OR_CODE', {
      path: 'id',
      value: id ?? code,
      message: 'give exactly one of id or code',
    });
  }
}

/**
 * A per-request loader of framework results by id (joint programme links use it too); null for a
 * result the caller may not see (of a DRAFT framework, for an anonymous caller).
 */
export const frameworkResultLoader = (ctx: RequestContext, queries: CooperationFrameworkQueries) =>
  loaderFor(
    ctx,
    'frameworkResult.byId',
    (ids: readonly string[]) => queries.resultsVisibleTo(ids, ctx.actor),
    (rows, id) => rows.find((r) => r.id === id) ?? null,
  );

/** Thin: GraphQL input → command on the bus, or → query service (which hides drafts from anonymous callers). */
@Resolver(() => CooperationFrameworkType)
export class CooperationFrameworkResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: CooperationFrameworkQueries,
  ) {}

  @Query(() => CooperationFrameworkType, { nullable: true, description: 'One Cooperation Framework, by id or code' })
  async cooperationFramework(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('code', { nullable: true }) code?: string,
  ): Promise<CooperationFrameworkRow | null> {
    exactlyOneOf(id, code);
    return id ? this.queries.byId(id, ctx.actor) : this.queries.byCode(code!, ctx.actor);
  }

  @Query(() => CooperationFrameworkConnection)
  async cooperationFrameworks(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => CooperationFrameworkFilterInput, nullable: true })
    filter?: CooperationFrameworkFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }, ctx.actor));
  }

  @ResolveField(() => Boolean, { description: 'Whether anonymous callers see it: when ACTIVE or CLOSED' })
  published(@Parent() framework: CooperationFrameworkRow): boolean {
    return isFrameworkPublished(framework.status);
  }

  @ResolveField(() => [FrameworkResultType], { description: 'Results in the order they were added' })
  async results(
    @Parent() framework: CooperationFrameworkRow,
    @Ctx() ctx: RequestContext,
    // Typed string, not the enum: the validation pipe would take an enum object for a DTO class.
    @Args('kind', { type: () => FrameworkResultKindEnum, nullable: true }) kind?: string,
  ): Promise<FrameworkResultRow[]> {
    const results = await loaderFor(
      ctx,
      'cooperationFramework.results',
      (ids: readonly string[]) => this.queries.resultsOf(ids),
      (rows, id) => rows.filter((r) => r.frameworkId === id),
    ).load(framework.id);
    return kind ? results.filter((r) => r.kind === kind) : results;
  }

  @Mutation(() => CommandResult)
  createCooperationFramework(@Args('input') input: CreateCooperationFrameworkInput, @Ctx() ctx: RequestContext) {
    const { code, title, countries, startDate, endDate } = input;
    return this.send(
      newId(),
      { type: 'CreateCooperationFramework', data: { code, title, countries, startDate, endDate } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult)
  addStrategicPriority(@Args('input') input: AddStrategicPriorityInput, @Ctx() ctx: RequestContext) {
    const { code, title, sdgTargets } = input;
    return this.send(input.id, { type: 'AddStrategicPriority', data: { code, title, sdgTargets } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  addOutcome(@Args('input') input: AddOutcomeInput, @Ctx() ctx: RequestContext) {
    const { priorityCode, code, title, sdgTargets } = input;
    return this.send(input.id, { type: 'AddOutcome', data: { priorityCode, code, title, sdgTargets } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  addOutput(@Args('input') input: AddOutputInput, @Ctx() ctx: RequestContext) {
    const { outcomeCode, code, title, sdgTargets } = input;
    return this.send(input.id, { type: 'AddOutput', data: { outcomeCode, code, title, sdgTargets } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  defineIndicator(@Args('input') input: DefineIndicatorInput, @Ctx() ctx: RequestContext) {
    const { resultCode, indicator } = input;
    return this.send(
      input.id,
      { type: 'DefineIndicator', data: { resultCode, indicator: { ...indicator } } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult)
  activateCooperationFramework(@Args('input') input: ActivateCooperationFrameworkInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ActivateCooperationFramework', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult)
  closeCooperationFramework(@Args('input') input: CloseCooperationFrameworkInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CloseCooperationFramework', data: {} }, input, ctx);
  }

  private async send(id: string, command: CooperationFrameworkCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteCooperationFrameworkCommand, AppendResult>(
      new ExecuteCooperationFrameworkCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}

/** The framework a result belongs to, batched per request. */
@Resolver(() => FrameworkResultType)
export class FrameworkResultResolver {
  constructor(private readonly queries: CooperationFrameworkQueries) {}

  @ResolveField(() => CooperationFrameworkType, {
    nullable: true,
    description: 'Null when the caller may not see it (a DRAFT framework, for an anonymous caller)',
  })
  framework(@Parent() result: FrameworkResultRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'cooperationFramework.byId',
      (ids: readonly string[]) => this.queries.byIds(ids, ctx.actor),
      (rows, id) => rows.find((r) => r.id === id) ?? null,
    ).load(result.frameworkId);
  }
}
