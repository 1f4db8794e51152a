import { CallApplicationsResolver } from './graphql/call-applications.resolver';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CallApplications } from './application/call-applications';
import { CallFactsReader } from './application/call-facts';
import { CompetingProposals } from './application/competing-proposals';
import { ProposalCommandHandler } from './application/proposal-command.handler';
import { ProposalQueries } from './application/proposal.queries';
import { ProposalResolver } from './graphql/proposal.resolver';

@Module({
  imports: [CqrsModule],
  providers: [
    CallApplicationsResolver,
    ProposalCommandHandler,
    CallFactsReader,
    ProposalQueries,
    CompetingProposals,
    CallApplications,
    ProposalResolver,
  ],
  exports: [ProposalQueries, CompetingProposals, CallApplications],
})
export class ProposalModule {}
