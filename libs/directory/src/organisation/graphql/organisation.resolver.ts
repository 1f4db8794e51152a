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
import type { AppendResult } from '@concord/eventing';
import type { OrganisationCommand } from '../domain/organisation.commands';
import { ExecuteOrganisationCommand } from '../application/organisation.command';
import { OrganisationQueries } from '../application/organisation.queries';
import type { OrganisationRow } from '../read-model/organisation.rows';
import {
  CloseCountryPresenceInput,
  CountryPresenceType,
  DeclareMandateInput,
  EstablishCountryPresenceInput,
  MandateType,
  OrganisationConnection,
  OrganisationFilterInput,
  OrganisationType,
  RegisterOrganisationInput,
  RenameOrganisationInput,
  WithdrawMandateInput,
} from './organisation.types';

/** Thin: GraphQL input → command on the bus, or → query service. */
@Resolver(() => OrganisationType)
export class OrganisationResolver {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: OrganisationQueries,
  ) {}

  @Query(() => OrganisationType, { nullable: true, description: 'One organisation, by id or by code' })
  async organisation(
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('code', { nullable: true }) code?: string,
  ): Promise<OrganisationRow | null> {
    if (!id === !code) {
      throw ConcordError.badInput('ID_OR_CODE', {
        path: 'id',
        value: id ?? code,
        message: 'give exactly one of id or code',
      });
    }
    return id ? this.queries.byId(id) : this.queries.byCode(code!);
  }

  @Query(() => OrganisationConnection)
  async organisations(
    @Args('filter', { type: () => OrganisationFilterInput, nullable: true }) filter?: OrganisationFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return toConnection(await this.queries.list(filter ?? {}, { first, after }));
  }

  @ResolveField(() => OrganisationType, { nullable: true })
  parent(@Parent() org: OrganisationRow, @Ctx() ctx: RequestContext) {
    if (!org.parentId) return null;
    return loaderFor(
      ctx,
      'organisation.byId',
      (ids: readonly string[]) => this.queries.byIds(ids),
      (rows, id) => rows.find((r) => r.id === id) ?? null,
    ).load(org.parentId);
  }

  @ResolveField(() => [MandateType])
  mandates(@Parent() org: OrganisationRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'organisation.mandates',
      (ids: readonly string[]) => this.queries.mandatesOf(ids),
      (rows, id) => rows.filter((r) => r.organisationId === id),
    ).load(org.id);
  }

  @ResolveField(() => [CountryPresenceType])
  presences(@Parent() org: OrganisationRow, @Ctx() ctx: RequestContext) {
    return loaderFor(
      ctx,
      'organisation.presences',
      (ids: readonly string[]) => this.queries.presencesOf(ids),
      (rows, id) => rows.filter((r) => r.organisationId === id),
    ).load(org.id);
  }

  @Mutation(() => CommandResult)
  registerOrganisation(@Args('input') input: RegisterOrganisationInput, @Ctx() ctx: RequestContext) {
    const { code, name, names, type, iatiOrgId, parentId } = input;
    return this.send(
      newId(),
      { type: 'RegisterOrganisation', data: { code, name, names, type, iatiOrgId, parentId } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult)
  renameOrganisation(@Args('input') input: RenameOrganisationInput, @Ctx() ctx: RequestContext) {
    return this.send(
      input.id,
      { type: 'RenameOrganisation', data: { name: input.name, names: input.names } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult)
  declareMandate(@Args('input') input: DeclareMandateInput, @Ctx() ctx: RequestContext) {
    return this.send(
      input.id,
      { type: 'DeclareMandate', data: { area: { ...input.area }, level: input.level } },
      input,
      ctx,
    );
  }

  @Mutation(() => CommandResult)
  withdrawMandate(@Args('input') input: WithdrawMandateInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'WithdrawMandate', data: { area: { ...input.area } } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  establishCountryPresence(@Args('input') input: EstablishCountryPresenceInput, @Ctx() ctx: RequestContext) {
    const { country, residency, office } = input;
    return this.send(input.id, { type: 'EstablishCountryPresence', data: { country, residency, office } }, input, ctx);
  }

  @Mutation(() => CommandResult)
  closeCountryPresence(@Args('input') input: CloseCountryPresenceInput, @Ctx() ctx: RequestContext) {
    return this.send(input.id, { type: 'CloseCountryPresence', data: { country: input.country } }, input, ctx);
  }

  private async send(id: string, command: OrganisationCommand, input: CommandInput, ctx: RequestContext) {
    const result = await this.bus.execute<ExecuteOrganisationCommand, AppendResult>(
      new ExecuteOrganisationCommand(id, command, commandMetaOf(ctx, input)),
    );
    return toCommandResult(result);
  }
}
