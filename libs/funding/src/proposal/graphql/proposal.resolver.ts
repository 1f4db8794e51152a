import type { AppendResult } from '@concord/eventing';
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
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { MoneyInput } from '../../money/money.types';
import { CallApplications, type CallApplicationsSummary } from '../application/call-applications';
import { CompetingProposals } from '../application/competing-proposals';
import { ExecuteProposalCommand } from '../application/proposal.command';
import { ProposalQueries } from '../application/proposal.queries';
import type { ProposalCommand } from '../domain/proposal.commands';
import {
  CallApplicationsType,
  CompetingPairType,
  CompetingProposalsFilterInput,
  DraftProposalInput,
  FundProposalInput,
  ProposalConnection,
  ProposalFilterInput,
  ProposalType,
  RejectProposalInput,
  ReviseProposalInput,
  ShortlistProposalInput,
  SubmitProposalInput,
  WithdrawProposalInput,
} from './proposal.types';

const moneyOf = (input: MoneyInput) => ({ amount: input.amount, currency: input.currency });

/**
 * The DataLoader of call summaries, one query per batch of calls: the Call type's
 * `applications` field uses it as the `callApplications` query does.
 */
export const callApplicationsLoader = (ctx: RequestContext, calls: CallApplications) =>
  loaderFor(
    ctx,
    'call.applications',
    (ids: readonly string[]) => calls.summaries(ids),
    (rows: CallApplicationsSummary[], id: string) => rows.find((r) => r.callId === id)!,
  );

/**
 * The optional details of a draft or revision as plain data. `undefined` leaves a field as it is;
 * `null` clears the fields that may be empty (callId, donor, coFunding, jointProgrammeId).
 */
function optionalDetails(input: DraftProposalInput | ReviseProposalInput) {
  const { callId, donor, jointProgrammeId, policyAreas, guarantees } = input;
  const coFunding = input.coFunding ? moneyOf(input.coFunding) : input.coFunding;
  return { callId, donor, coFunding, jointProgrammeId, policyAreas, guarantees };
}

/** Thin: GraphQL input → command on the bus, or → query service (which hides drafts from anonymous callers). */
@Resolver(() => ProposalType)
export class ProposalResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: ProposalQueries,
    private readonly competing: CompetingProposals,
    private readonly calls: CallApplications,
  ) {}

  @Query(() => ProposalType, { nullable: true, description: 'Drafts only for signed-in callers' })
  proposal(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    return this.queries.byId(id, ctx.actor);
  }

  @Query(() => ProposalConnection, { description: 'In the order they were drafted; drafts only for signed-in callers' })
  async proposals(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ProposalFilterInput, nullable: true }) filter?: ProposalFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }, ctx.actor));
  }

  @Query(() => [CompetingPairType], {
    description: 'Pairs of submitted, shortlisted or funded proposals competing for the same money',
  })
  competingProposals(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => CompetingProposalsFilterInput, nullable: true })
    filter?: CompetingProposalsFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ) {
    return this.competing.pairs(filter ?? {}, first, ctx.actor);
  }

  @Query(() => CallApplicationsType, { description: 'What a call received and awarded' })
  callApplications(@Args('callId', { type: () => ID }) callId: string, @Ctx() ctx: RequestContext) {
    return callApplicationsLoader(ctx, this.calls).load(callId);
  }

  @Mutation(() => CommandResult, { description: 'A new proposal, in DRAFT' })
  draftProposal(@Args('input') input: DraftProposalInput, @Ctx() ctx: RequestContext) {
    const { title, countries, start, end } = input;
    const applicants = input.applicants.map(({ organisation, role }) => ({ organisation, role }));
    const data = { title, applicants, countries, requested: moneyOf(input.requested), start, end };
    return this.send(newId(), { type: 'DraftProposal', data: { ...data, ...optionalDetails(input) } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'A draft only; each given field replaces the current one' })
  reviseProposal(@Args('input') input: ReviseProposalInput, @Ctx() ctx: RequestContext) {
    const data = {
      title: input.title ?? undefined,
      applicants: input.applicants?.map(({ organisation, role }) => ({ organisation, role })),
      countries: input.countries ?? undefined,
      requested: input.requested ? moneyOf(input.requested) : undefined,
      start: input.start ?? undefined,
      end: input.end ?? undefined,
      ...optionalDetails(input),
    };
    return this.send(input.id, { type: 'ReviseProposal', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: "Today; a call's deadline is checked" })
  submitProposal(@Args('input') input: SubmitProposalInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'SubmitProposal', data: { on: input.on ?? undefined } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  shortlistProposal(@Args('input') input: ShortlistProposalInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ShortlistProposal', data: { on: input.on ?? undefined } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Once: funding a FUNDED proposal is a CONFLICT' })
  fundProposal(@Args('input') input: FundProposalInput, @Ctx() ctx: RequestContext) {
    const data = { amount: moneyOf(input.amount), on: input.on ?? undefined };
    return this.send(input.id, { type: 'FundProposal', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  rejectProposal(@Args('input') input: RejectProposalInput, @Ctx() ctx: RequestContext) {
    const data = { reason: input.reason, on: input.on ?? undefined };
    return this.send(input.id, { type: 'RejectProposal', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  withdrawProposal(@Args('input') input: WithdrawProposalInput, @Ctx() ctx: RequestContext) {
    const data = { reason: input.reason, on: input.on ?? undefined };
    return this.send(input.id, { type: 'WithdrawProposal', data }, input, ctx);
  }

  private async send(id: string, command: ProposalCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteProposalCommand, AppendResult>(
      new ExecuteProposalCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
