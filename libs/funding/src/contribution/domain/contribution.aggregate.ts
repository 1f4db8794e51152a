import type { Aggregate } from '@concord/eventing';
import type { ContributionCommand } from './contribution.commands';
import { contributionDecider, type ContributionState } from './contribution.decider';
import type { ContributionEvent } from './contribution.events';

export const CONTRIBUTION_STREAM = 'Contribution';

export const contributionAggregate: Aggregate<ContributionCommand, ContributionEvent, ContributionState> = {
  streamType: CONTRIBUTION_STREAM,
  decider: contributionDecider,
};
