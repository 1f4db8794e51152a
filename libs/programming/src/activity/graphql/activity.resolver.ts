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
import { ExecuteActivityCommand } from '../application/activity.command';
import { ActivityQueries, type OrganisationName } from '../application/activity.queries';
import type { ActivityCommand, ActivityDetailsInput } from '../domain/activity.commands';
import type { ActivityRow } from '../read-model/activity.rows';
import {
  ActivityConnection,
  ActivityFilterInput,
  ActivityOrganisationType,
  ActivityType,
  ChangeActivityStatusInput,
  LinkActivityToJointProgrammeInput,
  PublishActivityInput,
  RecordActivityBudgetInput,
  RegisterActivityInput,
  ReviseActivityInput,
  UnlinkActivityFromJointProgrammeInput,
  UnpublishActivityInput,
  type ActivityFieldsInput,
} from './activity.types';

/** The command's view of the shared input fields (class instances become plain data). */
const fieldsOf = (input: ActivityFieldsInput) => {
  const details: ActivityDetailsInput = {
    titles: { ...input.titles },
    descriptions: input.descriptions && { ...input.descriptions },
    language: input.language,
    organisation: input.organisation,
    partners: input.partners?.map(({ organisation, role }) => ({ organisation, role })),
    country: input.country,
    areas: input.areas,
    policyAreas: input.policyAreas,
    guarantees: input.guarantees,
    stages: input.stages,
    functions: input.functions,
    targetGroups: input.targetGroups,
    counterparts: input.counterparts,
    start: input.start,
    end: input.end,
    fundingSources: input.fundingSources,
    frameworkOutputId: input.frameworkOutputId,
    sdgTargets: input.sdgTargets,
    genderMarker: input.genderMarker,
    humanRightsMarker: input.humanRightsMarker,
  };
  const budget = input.budget?.map(({ year, currency, required, available, spent }) => ({
    year,
    currency,
    required,
    available,
    spent,
  }));
  return { ...details, status: input.status, budget, jointProgrammeId: input.jointProgrammeId };
};

/** Thin: GraphQL input → command on the bus, or → query service (which hides unpublished activities). */
@Resolver(() => ActivityType)
export class ActivityResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: ActivityQueries,
  ) {}

  @Query(() => ActivityType, { nullable: true, description: 'Null when there is none the caller may see' })
  activity(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ActivityRow | null> {
    return this.queries.byId(id, ctx.actor);
  }

  @Query(() => ActivityConnection, {
    description: 'Activities by start date, filtered; anonymous callers get published ones',
  })
  async activities(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ActivityFilterInput, nullable: true }) filter?: ActivityFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }, ctx.actor));
  }

  @ResolveField(() => ActivityOrganisationType, {
    nullable: true,
    description: 'The lead organisation from the directory; null while the directory does not know its code',
  })
  leadOrganisation(@Parent() activity: ActivityRow, @Ctx() ctx: RequestContext): Promise<OrganisationName | null> {
    return loaderFor(
      ctx,
      'activity.organisationByCode',
      (codes: readonly string[]) => this.queries.organisationsByCode(codes),
      (rows, code) => rows.find((r) => r.code === code) ?? null,
    ).load(activity.organisation);
  }

  @Mutation(() => CommandResult)
  registerActivity(@Args('input') input: RegisterActivityInput, @Ctx() ctx: RequestContext) {
    const externalIds = input.externalIds?.map(({ system, id }) => ({ system, id }));
    return this.send(
      input.id ?? newId(),
      { type: 'RegisterActivity', data: { ...fieldsOf(input), externalIds, source: input.source } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult, { description: 'Replaces the descriptive fields; records only what changed' })
  reviseActivity(@Args('input') input: ReviseActivityInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ReviseActivity', data: fieldsOf(input) }, input, ctx);
  }

  @Mutation(() => CommandResult)
  changeActivityStatus(@Args('input') input: ChangeActivityStatusInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'ChangeActivityStatus', data: { status: input.status } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  linkActivityToJointProgramme(@Args('input') input: LinkActivityToJointProgrammeInput, @Ctx() ctx: RequestContext) {
    const data = { jointProgrammeId: input.jointProgrammeId };
    return this.send(input.id, { type: 'LinkActivityToJointProgramme', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  unlinkActivityFromJointProgramme(
    @Args('input') input: UnlinkActivityFromJointProgrammeInput,
    @Ctx() ctx: RequestContext,
  ) {
    const data = { jointProgrammeId: input.jointProgrammeId };
    return this.send(input.id, { type: 'UnlinkActivityFromJointProgramme', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: "Records one year's line in one currency, replacing the earlier one" })
  recordActivityBudget(@Args('input') input: RecordActivityBudgetInput, @Ctx() ctx: RequestContext) {
    const { year, currency, required, available, spent } = input;
    return this.send(
      input.id,
      { type: 'RecordBudget', data: { year, currency, required, available, spent } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult, { description: 'Shows it to anonymous callers; not when CANCELLED' })
  publishActivity(@Args('input') input: PublishActivityInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'PublishActivity', data: {} }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Hides it from anonymous callers' })
  unpublishActivity(@Args('input') input: UnpublishActivityInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'UnpublishActivity', data: {} }, input, ctx);
  }

  private async send(id: string, command: ActivityCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteActivityCommand, AppendResult>(
      new ExecuteActivityCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
