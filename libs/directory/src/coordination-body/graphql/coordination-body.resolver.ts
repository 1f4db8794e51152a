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
import { ExecuteCoordinationBodyCommand } from '../application/coordination-body.command';
import { CoordinationBodyQueries } from '../application/coordination-body.queries';
import type { CoordinationBodyCommand } from '../domain/coordination-body.commands';
import type { BodyMemberRow, CoordinationBodyRow } from '../read-model/coordination-body.rows';
import {
  AdmitBodyMemberInput,
  BodyInteractionType,
  BodyMemberType,
  BodyOrganisationInput,
  CoordinationBodyConnection,
  CoordinationBodyFilterInput,
  CoordinationBodyType,
  DissolveCoordinationBodyInput,
  DivisionOfLabourType,
  EstablishCoordinationBodyInput,
  RecordBodyDivisionOfLabourInput,
  RecordBodyInteractionLevelInput,
  RenameCoordinationBodyInput,
  SetBodyTermsOfReferenceInput,
} from './coordination-body.types';

/** Thin: GraphQL input → command on the bus, or → query service. */
@Resolver(() => CoordinationBodyType)
export class CoordinationBodyResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: CoordinationBodyQueries,
  ) {}

  @Query(() => CoordinationBodyType, { nullable: true })
  coordinationBody(@Args('id', { type: () => ID }) id: string): Promise<CoordinationBodyRow | null> {
    return this.queries.byId(id);
  }

  @Query(() => CoordinationBodyConnection)
  async coordinationBodies(
    @Args('filter', { type: () => CoordinationBodyFilterInput, nullable: true }) filter?: CoordinationBodyFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }));
  }

  @ResolveField(() => [BodyMemberType], { description: 'Members, chairs first' })
  members(@Parent() body: CoordinationBodyRow, @Ctx() ctx: RequestContext) {
    return this.membersLoader(ctx).load(body.id);
  }

  @ResolveField(() => [BodyMemberType])
  async chairs(@Parent() body: CoordinationBodyRow, @Ctx() ctx: RequestContext) {
    return (await this.membersLoader(ctx).load(body.id)).filter((m) => m.isChair);
  }

  @ResolveField(() => [BodyInteractionType])
  interactions(@Parent() body: CoordinationBodyRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'coordinationBody.interactions',
      (ids: readonly string[]) => this.queries.interactionsOf(ids),
      (rows, id) => rows.filter((r) => r.bodyId === id),
    ).load(body.id);
  }

  @ResolveField(() => [DivisionOfLabourType])
  divisionsOfLabour(@Parent() body: CoordinationBodyRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'coordinationBody.divisions',
      (ids: readonly string[]) => this.queries.divisionsOf(ids),
      (rows, id) => rows.filter((r) => r.bodyId === id),
    ).load(body.id);
  }

  @Mutation(() => CommandResult)
  establishCoordinationBody(@Args('input') input: EstablishCoordinationBodyInput, @Ctx() ctx: RequestContext) {
    // Clients send null for an optional field they leave out; the domain knows only "absent".
    const data = {
      name: input.name,
      names: input.names ?? undefined,
      country: input.country ?? undefined,
      region: input.region ?? undefined,
      kind: input.kind,
      cadence: input.cadence ?? undefined,
    };
    return this.send(newId(), { type: 'EstablishCoordinationBody', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  renameCoordinationBody(@Args('input') input: RenameCoordinationBodyInput, @Ctx() ctx: RequestContext) {
    const data = { name: input.name, names: input.names ?? undefined };
    return this.send(input.id, { type: 'RenameCoordinationBody', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  admitBodyMember(@Args('input') input: AdmitBodyMemberInput, @Ctx() ctx: RequestContext) {
    const data = { organisation: input.organisation, since: input.since ?? undefined };
    return this.send(input.id, { type: 'AdmitMember', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  removeBodyMember(@Args('input') input: BodyOrganisationInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'RemoveMember', data: { organisation: input.organisation } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'The organisation must already be a member' })
  appointBodyChair(@Args('input') input: BodyOrganisationInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'AppointChair', data: { organisation: input.organisation } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  relieveBodyChair(@Args('input') input: BodyOrganisationInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'RelieveChair', data: { organisation: input.organisation } }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Each given field replaces the current one' })
  setBodyTermsOfReference(@Args('input') input: SetBodyTermsOfReferenceInput, @Ctx() ctx: RequestContext) {
    const data = { text: input.text ?? undefined, url: input.url ?? undefined, cadence: input.cadence ?? undefined };
    return this.send(input.id, { type: 'SetTermsOfReference', data }, input, ctx);
  }

  @Mutation(() => CommandResult, { description: 'Between two members; the pair is unordered' })
  recordBodyInteractionLevel(@Args('input') input: RecordBodyInteractionLevelInput, @Ctx() ctx: RequestContext) {
    const { a, b, level } = input;
    return this.send(input.id, { type: 'RecordInteractionLevel', data: { a, b, level } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  recordBodyDivisionOfLabour(@Args('input') input: RecordBodyDivisionOfLabourInput, @Ctx() ctx: RequestContext) {
    const data = { organisations: input.organisations, topic: input.topic, note: input.note ?? undefined };
    return this.send(input.id, { type: 'RecordDivisionOfLabour', data }, input, ctx);
  }

  @Mutation(() => CommandResult)
  dissolveCoordinationBody(@Args('input') input: DissolveCoordinationBodyInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'Dissolve', data: { on: input.on ?? undefined } }, input, ctx);
  }

  private membersLoader(ctx: RequestContext) {
    return loaderFor(
      ctx,
      'coordinationBody.members',
      (ids: readonly string[]) => this.queries.membersOf(ids),
      (rows, id) => rows.filter((r) => r.bodyId === id),
    );
  }

  private async send(id: string, command: CoordinationBodyCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteCoordinationBodyCommand, AppendResult>(
      new ExecuteCoordinationBodyCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}

/** A member's organisation, resolved from the directory by code (null when not registered there). */
@Resolver(() => BodyMemberType)
export class BodyMemberResolver {
  constructor(private readonly queries: CoordinationBodyQueries) {}

  @ResolveField(() => OrganisationType, { nullable: true })
  organisation(@Parent() member: BodyMemberRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'organisation.byCode',
      (codes: readonly string[]) => this.queries.organisationsByCode(codes),
      (rows, code) => rows.find((r) => r.code === code) ?? null,
    ).load(member.organisationCode);
  }
}
