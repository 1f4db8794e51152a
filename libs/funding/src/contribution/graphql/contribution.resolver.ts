import type { AppendResult } from '@concord/eventing';
import { newId } from '@concord/kernel';
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
import { ExecuteContributionCommand } from '../application/contribution.command';
import { ContributionQueries } from '../application/contribution.queries';
import type { ContributionCommand } from '../domain/contribution.commands';
import type { ContributionRow } from '../read-model/contribution.rows';
import {
  CancelTransactionInput,
  ContributionConnection,
  ContributionFilterInput,
  ContributionType,
  RecordContributionInput,
  RecordTransactionInput,
  TransactionType,
} from './contribution.types';

/** Thin: GraphQL input → command on the bus, or → query service. Contributions are for signed-in callers. */
@Resolver(() => ContributionType)
export class ContributionResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: ContributionQueries,
  ) {}

  @Query(() => ContributionType, { nullable: true })
  contribution(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    actorOf(ctx);
    return this.queries.byId(id);
  }

  @Query(() => ContributionConnection)
  async contributions(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ContributionFilterInput, nullable: true }) filter?: ContributionFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    actorOf(ctx);
    return toConnection(await this.queries.list(filter ?? {}, { first, after }));
  }

  @ResolveField(() => [TransactionType])
  transactions(@Parent() contribution: ContributionRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'contribution.transactions',
      (ids: readonly string[]) => this.queries.transactionsOf(ids),
      (rows, id) => rows.filter((r) => r.contributionId === id),
    ).load(contribution.id);
  }

  @Mutation(() => CommandResult)
  recordContribution(@Args('input') input: RecordContributionInput, @Ctx() ctx: RequestContext) {
    const { title, donor, recipientKind, recipientRef, currency, earmarking, modality, country, frameworkOutcomeId } =
      input;
    const data = {
      title,
      donor,
      recipient: { kind: recipientKind, ref: recipientRef },
      currency,
      earmarking,
      modality: modality ?? undefined,
      country: country ?? undefined,
      frameworkOutcomeId: frameworkOutcomeId ?? undefined,
    };
    return this.send(newId(), { type: 'RecordContribution', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Adds a pledge, commitment, funds, disbursement or expenditure' })
  recordTransaction(@Args('input') input: RecordTransactionInput, @Ctx() ctx: RequestContext) {
    const { contributionId, type, amount, valueDate } = input;
    const data = {
      type,
      amount,
      valueDate,
      currency: input.currency ?? undefined,
      reference: input.reference ?? undefined,
      overDisbursementReason: input.overDisbursementReason ?? undefined,
    };
    return this.send(contributionId, { type: 'RecordTransaction', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Takes a transaction recorded by mistake out of every total' })
  cancelTransaction(@Args('input') input: CancelTransactionInput, @Ctx() ctx: RequestContext) {
    const { contributionId, number, reason } = input;
    return this.send(contributionId, { type: 'CancelTransaction', data: { number, reason } }, input, ctx);
  }

  private async send(id: string, command: ContributionCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteContributionCommand, AppendResult>(
      new ExecuteContributionCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
