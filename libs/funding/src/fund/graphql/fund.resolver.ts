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
import type { Money } from '../../money/money';
import type { MoneyInput } from '../../money/money.types';
import { ExecuteFundCommand } from '../application/fund.command';
import { FundQueries, type FundView } from '../application/fund.queries';
import type { FundCommand } from '../domain/fund.commands';
import type { FundWindow } from '../domain/fund.events';
import {
  CloseFundInput,
  EstablishFundInput,
  FundConnection,
  FundFilterInput,
  FundOrganisationType,
  FundType,
  ReviseFundInput,
  type FundWindowInput,
} from './fund.types';

const moneyOf = (input: MoneyInput): Money => ({ amount: input.amount, currency: input.currency });
const windowsOf = (input: FundWindowInput[]): FundWindow[] => input.map(({ code, title }) => ({ code, title }));

/** Thin: GraphQL input → command on the bus, or → query service. Funds are public: anyone reads them. */
@Resolver(() => FundType)
export class FundResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: FundQueries,
  ) {}

  @Query(() => FundType, { nullable: true })
  fund(@Args('id', { type: () => ID }) id: string) {
    return this.queries.byId(id);
  }

  @Query(() => FundType, { nullable: true })
  fundByCode(@Args('code') code: string) {
    return this.queries.byCode(code);
  }

  @Query(() => FundConnection)
  async funds(
    @Args('filter', { type: () => FundFilterInput, nullable: true }) filter?: FundFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }));
  }

  @ResolveField(() => FundOrganisationType, {
    nullable: true,
    description: 'The managing organisation from the directory; null while the directory does not know its code',
  })
  managingOrganisation(@Parent() fund: FundView, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'fund.organisationByCode',
      (codes: readonly string[]) => this.queries.organisationsByCode(codes),
      (rows, code) => rows.find((r) => r.code === code) ?? null,
    ).load(fund.managingOrganisationCode);
  }

  @Mutation(() => CommandResult)
  establishFund(@Args('input') input: EstablishFundInput, @Ctx() ctx: RequestContext) {
    const { code, name, kind, managingOrganisation } = input;
    const data = {
      code,
      name,
      kind,
      managingOrganisation,
      contributors: input.contributors ?? undefined,
      windows: input.windows ? windowsOf(input.windows) : undefined,
      target: input.target ? moneyOf(input.target) : undefined,
      start: input.start ?? undefined,
      end: input.end ?? undefined,
    };
    return this.send(newId(), { type: 'EstablishFund', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Each given field replaces the current one; records only changes' })
  reviseFund(@Args('input') input: ReviseFundInput, @Ctx() ctx: RequestContext) {
    // null means "not given", except for target, start and end, where it clears the value.
    const data = {
      name: input.name ?? undefined,
      kind: input.kind ?? undefined,
      managingOrganisation: input.managingOrganisation ?? undefined,
      contributors: input.contributors ?? undefined,
      windows: input.windows ? windowsOf(input.windows) : undefined,
      target: input.target ? moneyOf(input.target) : input.target,
      start: input.start,
      end: input.end,
    };
    return this.send(input.id, { type: 'ReviseFund', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  closeFund(@Args('input') input: CloseFundInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CloseFund', data: { on: input.on ?? undefined } }, input, ctx);
  }

  private async send(id: string, command: FundCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteFundCommand, AppendResult>(
      new ExecuteFundCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
