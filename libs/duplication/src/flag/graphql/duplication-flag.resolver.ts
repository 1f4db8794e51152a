import type { AppendResult } from '@concord/eventing';
import {
  actorOf,
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
import { ExecuteDuplicationFlagCommand } from '../application/duplication-flag.command';
import { DuplicationFlagQueries, type FlagSubjectView } from '../application/duplication-flag.queries';
import type { DuplicationFlagCommand } from '../domain/duplication-flag.commands';
import type { DuplicationFlagRow } from '../read-model/duplication-flag.rows';
import {
  CommentOnFlagInput,
  ConfirmFlagInput,
  DismissFlagInput,
  DuplicationFlagConnection,
  DuplicationFlagFilterInput,
  DuplicationFlagType,
  FlaggedSubjectType,
  ReopenFlagInput,
  ResolveFlagInput,
} from './duplication-flag.types';

/** A flag row as the API shows it: the score a number, the reasons strongest first. */
export const flagView = (row: DuplicationFlagRow) => ({
  ...row,
  score: Number(row.score),
  reasons: [...row.contributions].sort((a, b) => b.points - a.points),
});

/** Thin: GraphQL input → command on the bus, or → query service. Flags are for signed-in callers. */
@Resolver(() => DuplicationFlagType)
export class DuplicationFlagResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: DuplicationFlagQueries,
  ) {}

  @Query(() => DuplicationFlagType, { nullable: true })
  async duplicationFlag(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    actorOf(ctx);
    const row = await this.queries.byId(id);
    return row && flagView(row);
  }

  @Query(() => DuplicationFlagConnection, { description: 'Highest score first' })
  async duplicationFlags(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => DuplicationFlagFilterInput, nullable: true }) filter?: DuplicationFlagFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    actorOf(ctx);
    const page = await this.queries.list(filter ?? {}, { first, after });
    return toConnection({ ...page, nodes: page.nodes.map(({ cursor, node }) => ({ cursor, node: flagView(node) })) });
  }

  @ResolveField(() => [FlaggedSubjectType], {
    description: 'The activities flagged, as far as the read model has them',
  })
  activities(@Parent() flag: DuplicationFlagRow, @Ctx() ctx: RequestContext) {
    return this.subjects(flag, ctx, 'activities');
  }

  @ResolveField(() => [FlaggedSubjectType], {
    description: 'The proposals flagged (competing proposals), as far as the read model has them',
  })
  proposals(@Parent() flag: DuplicationFlagRow, @Ctx() ctx: RequestContext) {
    return this.subjects(flag, ctx, 'proposals');
  }

  private async subjects(flag: DuplicationFlagRow, ctx: RequestContext, kind: 'activities' | 'proposals') {
    const loader = loaderFor(
      ctx,
      `duplicationFlag.${kind}`,
      (ids: readonly string[]) => this.queries[kind](ids),
      (rows: FlagSubjectView[], id: string) => rows.find((r) => r.id === id) ?? null,
    );
    const found = await Promise.all(flag.subjectIds.map((id) => loader.load(id)));
    return found.filter((subject) => subject !== null);
  }

  @Mutation(() => CommandResult)
  confirmDuplicationFlag(@Args('input') input: ConfirmFlagInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ConfirmFlag', data: { note: input.note ?? undefined } }, input, ctx);
  }

  @Mutation(() => CommandResult, {
    description: 'A false positive, or complementary work; stays dismissed until the activities change',
  })
  dismissDuplicationFlag(@Args('input') input: DismissFlagInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'DismissFlag', data: { as: input.as, reason: input.reason } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  resolveDuplicationFlag(@Args('input') input: ResolveFlagInput, @Ctx() ctx: RequestContext) {
    return this.send(
      input.id,
      { type: 'ResolveFlag', data: { as: input.as, note: input.note ?? undefined } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult)
  reopenDuplicationFlag(@Args('input') input: ReopenFlagInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ReopenFlag', data: { reason: input.reason } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'For the agencies involved and the country’s RCO' })
  commentOnDuplicationFlag(@Args('input') input: CommentOnFlagInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CommentOnFlag', data: { text: input.text } }, input, ctx);
  }

  private async send(id: string, command: DuplicationFlagCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteDuplicationFlagCommand, AppendResult>(
      new ExecuteDuplicationFlagCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
