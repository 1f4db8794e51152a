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
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CooperationFrameworkQueries } from '../../cooperation-framework/application/cooperation-framework.queries';
import {
  exactlyOneOf,
  frameworkResultLoader,
} from '../../cooperation-framework/graphql/cooperation-framework.resolver';
import { FrameworkResultType } from '../../cooperation-framework/graphql/cooperation-framework.types';
import type { FrameworkResultRow } from '../../cooperation-framework/read-model/cooperation-framework.rows';
import { ExecuteJointProgrammeCommand, type JointProgrammeRequest } from '../application/joint-programme.command';
import { JointProgrammeQueries } from '../application/joint-programme.queries';
import type { JointProgrammeRow } from '../read-model/joint-programme.rows';
import {
  ActivateJointProgrammeInput,
  ApproveJointProgrammeInput,
  CancelJointProgrammeInput,
  CloseJointProgrammeFinanciallyInput,
  CloseJointProgrammeOperationallyInput,
  DraftJointProgrammeInput,
  JointProgrammeConnection,
  JointProgrammeFilterInput,
  JointProgrammeType,
  LinkFrameworkResultsInput,
  ParticipantType,
  ProgressReportType,
  PublishJointProgrammeInput,
  RecordProgressReportInput,
  RejectJointProgrammeInput,
  ReviseJointProgrammeInput,
  SubmitJointProgrammeInput,
  UnpublishJointProgrammeInput,
} from './joint-programme.types';

/** The optional programme details of a draft or revision input, as plain data. */
function detailsOf(input: DraftJointProgrammeInput | ReviseJointProgrammeInput) {
  const { leadOrganisation, counterparts, fundingSources, startDate, endDate } = input;
  const { policyAreas, targetGroups, sdgTargets, genderMarker } = input;
  const participants = input.participants?.map(({ organisation, role, budgetShare }) => ({
    organisation,
    role,
    budgetShare,
  }));
  return {
    leadOrganisation,
    participants,
    counterparts,
    fundingSources,
    startDate,
    endDate,
    policyAreas,
    targetGroups,
    sdgTargets,
    genderMarker,
  };
}

/** Thin: GraphQL input → command on the bus, or → query service (which hides unpublished programmes). */
@Resolver(() => JointProgrammeType)
export class JointProgrammeResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: JointProgrammeQueries,
    private readonly frameworks: CooperationFrameworkQueries,
  ) {}

  @Query(() => JointProgrammeType, { nullable: true, description: 'One joint programme, by id or code' })
  async jointProgramme(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('code', { nullable: true }) code?: string,
  ): Promise<JointProgrammeRow | null> {
    exactlyOneOf(id, code);
    return id ? this.queries.byId(id, ctx.actor) : this.queries.byCode(code!, ctx.actor);
  }

  @Query(() => JointProgrammeConnection)
  async jointProgrammes(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => JointProgrammeFilterInput, nullable: true }) filter?: JointProgrammeFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }, ctx.actor));
  }

  @ResolveField(() => [ParticipantType], { description: 'Lead and participating organisations, as listed' })
  participants(@Parent() jp: JointProgrammeRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'jointProgramme.participants',
      (ids: readonly string[]) => this.queries.participantsOf(ids),
      (rows, id) => rows.filter((r) => r.jpId === id),
    ).load(jp.id);
  }

  @ResolveField(() => [FrameworkResultType], {
    description:
      'Linked Cooperation Framework outcomes and outputs; for anonymous callers, of ACTIVE or CLOSED frameworks only',
  })
  async results(@Parent() jp: JointProgrammeRow, @Ctx() ctx: RequestContext): Promise<FrameworkResultRow[]> {
    const links = await loaderFor(
      ctx,
      'jointProgramme.links',
      (ids: readonly string[]) => this.queries.linksOf(ids),
      (rows, id) => rows.filter((r) => r.jpId === id),
    ).load(jp.id);
    const results = await frameworkResultLoader(ctx, this.frameworks).loadMany(links.map((l) => l.resultId));
    return results.filter((r): r is FrameworkResultRow => r !== null && !(r instanceof Error));
  }

  @ResolveField(() => [ProgressReportType], { description: 'Progress reports by period, the latest revision of each' })
  reports(@Parent() jp: JointProgrammeRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'jointProgramme.reports',
      (ids: readonly string[]) => this.queries.reportsOf(ids),
      (rows, id) => rows.filter((r) => r.jpId === id),
    ).load(jp.id);
  }

  @Mutation(() => CommandResult, { description: 'A new joint programme, in CONCEPT' })
  draftJointProgramme(@Args('input') input: DraftJointProgrammeInput, @Ctx() ctx: RequestContext) {
    const { code, title, countries } = input;
    const data = { code, title, countries, ...detailsOf(input) };
    return this.send(newId(), { type: 'DraftJointProgramme', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Changes the given fields; in CONCEPT or SUBMITTED only' })
  reviseJointProgramme(@Args('input') input: ReviseJointProgrammeInput, @Ctx() ctx: RequestContext) {
    const data = { title: input.title, countries: input.countries, ...detailsOf(input) };
    return this.send(input.id, { type: 'ReviseJointProgramme', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  submitJointProgramme(@Args('input') input: SubmitJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'SubmitJointProgramme', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult)
  approveJointProgramme(@Args('input') input: ApproveJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ApproveJointProgramme', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult)
  rejectJointProgramme(@Args('input') input: RejectJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'RejectJointProgramme', data: { reason: input.reason } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  activateJointProgramme(@Args('input') input: ActivateJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ActivateJointProgramme', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult)
  closeJointProgrammeOperationally(
    @Args('input') input: CloseJointProgrammeOperationallyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.send(input.id, { type: 'CloseJointProgrammeOperationally', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult)
  closeJointProgrammeFinancially(
    @Args('input') input: CloseJointProgrammeFinanciallyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.send(input.id, { type: 'CloseJointProgrammeFinancially', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult)
  cancelJointProgramme(@Args('input') input: CancelJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CancelJointProgramme', data: { reason: input.reason } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Links Cooperation Framework outcomes or outputs of its countries' })
  linkFrameworkResults(@Args('input') input: LinkFrameworkResultsInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'LinkFrameworkResults', data: { resultIds: input.resultIds } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Records the report of a period; a second one revises it' })
  recordProgressReport(@Args('input') input: RecordProgressReportInput, @Ctx() ctx: RequestContext) {
    const { period, indicatorActuals, expenditure, narratives } = input;
    const data = {
      period,
      indicatorActuals: indicatorActuals?.map(({ indicatorCode, actual }) => ({ indicatorCode, actual })),
      expenditure: expenditure?.map(({ organisation, currency, amount }) => ({ organisation, currency, amount })),
      narratives: narratives?.map(({ organisation, text }) => ({ organisation, text })),
    };
    return this.send(input.id, { type: 'RecordProgressReport', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Shows it to anonymous callers; not when REJECTED or CANCELLED' })
  publishJointProgramme(@Args('input') input: PublishJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'PublishJointProgramme', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Hides it from anonymous callers' })
  unpublishJointProgramme(@Args('input') input: UnpublishJointProgrammeInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'UnpublishJointProgramme', data: {} }, input, ctx);
  }

  private async send(id: string, request: JointProgrammeRequest, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteJointProgrammeCommand, AppendResult>(
      new ExecuteJointProgrammeCommand(id, request, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
