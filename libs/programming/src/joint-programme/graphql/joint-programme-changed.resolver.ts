import { ConcordError } from '@concord/kernel';
import {
  changeView,
  Ctx,
  eachChangeAfresh,
  LiveEvents,
  rowsById,
  type LiveFeed,
  type RequestContext,
} from '@concord/platform';
import { Args, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { seesUnpublished } from '../../publication.policy';
import { JointProgrammeQueries } from '../application/joint-programme.queries';
import { JOINT_PROGRAMME_STREAM } from '../domain/joint-programme.aggregate';
import { jointProgrammeProjection } from '../read-model/joint-programme.projection';
import { JointProgrammeRow } from '../read-model/joint-programme.rows';
import { JointProgrammeChangeType, JointProgrammeType } from './joint-programme.types';

/** Joint programme events, with the published flag of the programme they leave. */
const JOINT_PROGRAMMES: LiveFeed<Pick<JointProgrammeRow, 'id' | 'published'>> = {
  name: 'joint-programmes',
  streamType: JOINT_PROGRAMME_STREAM,
  projection: jointProgrammeProjection.name,
  load: rowsById(JointProgrammeRow, ['published']),
};

/** Live changes of one joint programme: lifecycle, revisions, links and progress reports. */
@Resolver(() => JointProgrammeChangeType)
export class JointProgrammeChangedResolver {
  constructor(
    private readonly live: LiveEvents,
    private readonly queries: JointProgrammeQueries,
  ) {}

  @Subscription(() => JointProgrammeChangeType, {
    description: 'Changes of a joint programme you may see (anonymous: a published one)',
    resolve: eachChangeAfresh,
  })
  async jointProgrammeChanged(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext) {
    if (!(await this.queries.byId(id, ctx.actor))) {
      throw new ConcordError('NOT_FOUND', 'JOINT_PROGRAMME_NOT_FOUND', `No joint programme ${id}`, [
        { path: 'id', value: id, message: 'no such joint programme' },
      ]);
    }
    const seesAll = seesUnpublished(ctx.actor);
    return this.live.changes(
      JOINT_PROGRAMMES,
      ({ event, row }) => event.streamId === id && !!row && (seesAll || row.published),
      (change) => ({ ...changeView(change), jointProgrammeId: id }),
    );
  }

  @ResolveField(() => JointProgrammeType, { nullable: true })
  jointProgramme(@Parent() change: JointProgrammeChangeType, @Ctx() ctx: RequestContext) {
    return this.queries.byId(change.jointProgrammeId, ctx.actor);
  }
}
