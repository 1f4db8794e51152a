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
import { FundQueries } from '../../fund/application/fund.queries';
import { FundType } from '../../fund/graphql/fund.types';
import type { Money } from '../../money/money';
import type { MoneyInput } from '../../money/money.types';
import { CallQueries, type CallView } from '../application/call.queries';
import { ExecuteCallCommand, type CallRequest } from '../application/call.command';
import type { CallEligibilityInput as Eligibility } from '../domain/call.commands';
import {
  AnnounceCallInput,
  CallConnection,
  CallFilterInput,
  CallType,
  CancelCallInput,
  CloseCallInput,
  ReviseCallInput,
  type CallEligibilityInput,
} from './call.types';

const moneyOf = (input: MoneyInput): Money => ({ amount: input.amount, currency: input.currency });
const eligibilityOf = (input: CallEligibilityInput): Eligibility => ({
  countries: input.countries ?? undefined,
  organisationTypes: input.organisationTypes ?? undefined,
  jointOnly: input.jointOnly ?? undefined,
  notes: input.notes ?? undefined,
});

/** Thin: GraphQL input → command on the bus, or → query service. Calls are public: anyone reads them. */
@Resolver(() => CallType)
export class CallResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: CallQueries,
    private readonly funds: FundQueries,
  ) {}

  @Query(() => CallType, { nullable: true })
  call(@Args('id', { type: () => ID }) id: string) {
    return this.queries.byId(id);
  }

  @Query(() => CallConnection, { description: 'Calls by opening date' })
  async calls(
    @Args('filter', { type: () => CallFilterInput, nullable: true }) filter?: CallFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }));
  }

  @ResolveField(() => FundType, { nullable: true, description: 'Null only while the fund is not yet projected' })
  fund(@Parent() call: CallView, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'call.fundById',
      (ids: readonly string[]) => this.funds.byIds(ids),
      (rows, id) => rows.find((r) => r.id === id) ?? null,
    ).load(call.fundId);
  }

  @ResolveField(() => Boolean, {
    description: 'Announced (not closed or cancelled) and on or between opensOn and closesOn',
  })
  openForApplications(
    @Parent() call: CallView,
    @Args('on', { nullable: true, description: 'ISO date; today when omitted' }) on?: string,
  ) {
    return this.queries.openForApplications(call, on ?? undefined);
  }

  @Mutation(() => CommandResult)
  announceCall(@Args('input') input: AnnounceCallInput, @Ctx() ctx: RequestContext) {
    const { fundId, title, theme, opensOn, closesOn } = input;
    const data = {
      fundId,
      title,
      window: input.window ?? null,
      theme,
      envelope: input.envelope ? moneyOf(input.envelope) : null,
      opensOn,
      closesOn,
      eligibility: input.eligibility ? eligibilityOf(input.eligibility) : undefined,
    };
    return this.send(newId(), { type: 'AnnounceCall', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Each given field replaces the current one; records only changes' })
  reviseCall(@Args('input') input: ReviseCallInput, @Ctx() ctx: RequestContext) {
    // null means "not given", except for envelope, where it removes the envelope.
    const data = {
      title: input.title ?? undefined,
      theme: input.theme ?? undefined,
      envelope: input.envelope ? moneyOf(input.envelope) : input.envelope,
      opensOn: input.opensOn ?? undefined,
      closesOn: input.closesOn ?? undefined,
      eligibility: input.eligibility ? eligibilityOf(input.eligibility) : undefined,
    };
    return this.send(input.id, { type: 'ReviseCall', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Closes the call for applications' })
  closeCall(@Args('input') input: CloseCallInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CloseCall', data: { on: input.on ?? undefined } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  cancelCall(@Args('input') input: CancelCallInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CancelCall', data: { reason: input.reason } }, input, ctx);
  }

  private async send(id: string, request: CallRequest, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteCallCommand, AppendResult>(
      new ExecuteCallCommand(id, request, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
