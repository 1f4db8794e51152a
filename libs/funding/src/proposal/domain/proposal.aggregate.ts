import type { Aggregate } from '@concord/eventing';
import type { ProposalCommand } from './proposal.commands';
import { proposalDecider, type ProposalState } from './proposal.decider';
import type { ProposalEvent } from './proposal.events';

export const PROPOSAL_STREAM = 'Proposal';

/** No unique keys: two proposals may share a title, and one organisation may send several. */
export const proposalAggregate: Aggregate<ProposalCommand, ProposalEvent, ProposalState> = {
  streamType: PROPOSAL_STREAM,
  decider: proposalDecider,
};
