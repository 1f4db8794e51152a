import { Ctx, type RequestContext } from '@concord/platform';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CallType } from '../../call/graphql/call.types';
import type { CallRow } from '../../call/read-model/call.rows';
import { CallApplications } from '../application/call-applications';
import { callApplicationsLoader } from './proposal.resolver';
import { CallApplicationsType } from './proposal.types';

/** The proposals a call received and funded, on the Call type: the call knows nothing of proposals. */
@Resolver(() => CallType)
export class CallApplicationsResolver {
  constructor(private readonly calls: CallApplications) {}

  @ResolveField(() => CallApplicationsType, { description: 'Applications received and funded, with their amounts' })
  applications(@Parent() call: CallRow, @Ctx() ctx: RequestContext) {
    return callApplicationsLoader(ctx, this.calls).load(call.id);
  }
}
