import type { FundingPart } from '../funding.part';
import { FundingProposals1763900011000 } from '../migrations/1763900011000-funding-proposals';
import { PROPOSAL_STREAM } from './domain/proposal.aggregate';
import { ProposalModule } from './proposal.module';
import { proposalProjection } from './read-model/proposal.projection';
import { ProposalRow } from './read-model/proposal.rows';

/** Proposals: streams, read-model tables, migrations, projections and the Nest module. */
export const proposalPart: FundingPart = {
  streams: [{ streamType: PROPOSAL_STREAM, context: 'funding' }],
  entities: [ProposalRow],
  migrations: [FundingProposals1763900011000],
  projections: [proposalProjection],
  module: ProposalModule,
};
