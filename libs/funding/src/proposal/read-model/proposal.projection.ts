import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { PROPOSAL_EVENT_TYPES, type ProposalDetails, type ProposalEvent } from '../domain/proposal.events';
import { ProposalRow } from './proposal.rows';

function detailColumns(details: ProposalDetails): Partial<ProposalRow> {
  const lead = details.applicants.find((a) => a.role === 'LEAD') ?? details.applicants[0];
  return {
    title: details.title,
    applicants: details.applicants,
    applicantOrganisations: details.applicants.map((a) => a.organisation),
    leadOrganisation: lead?.organisation ?? '',
    callId: details.callId,
    fundCode: details.fundCode,
    donor: details.donor,
    countries: details.countries,
    policyAreas: details.policyAreas,
    guarantees: details.guarantees,
    requestedAmount: details.requested.amount,
    requestedCurrency: details.requested.currency,
    coFundingAmount: details.coFunding?.amount ?? null,
    coFundingCurrency: details.coFunding?.currency ?? null,
    jointProgrammeId: details.jointProgrammeId,
    startDate: details.start,
    endDate: details.end,
  };
}

/** Proposals by call, donor, country, area and status. Timestamps are the events', so rebuilds are equal. */
export const proposalProjection: Projection = {
  name: 'funding.proposals',
  tables: ['funding_proposals'],
  eventTypes: PROPOSAL_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as ProposalEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<ProposalRow>) =>
      tx.update(ProposalRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'ProposalDrafted':
        await tx.upsert(
          ProposalRow,
          {
            id,
            ...detailColumns(event.data),
            fundedAmount: null,
            fundedCurrency: null,
            status: 'DRAFT',
            statusReason: null,
            submittedOn: null,
            shortlistedOn: null,
            decidedOn: null,
            withdrawnOn: null,
            version: envelope.version,
            draftedAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      case 'ProposalRevised':
        return void (await touch(detailColumns(event.data.details)));
      case 'ProposalSubmitted':
        return void (await touch({ status: 'SUBMITTED', submittedOn: event.data.on }));
      case 'ProposalShortlisted':
        return void (await touch({ status: 'SHORTLISTED', shortlistedOn: event.data.on }));
      case 'ProposalFunded': {
        const { amount, on } = event.data;
        return void (await touch({
          status: 'FUNDED',
          fundedAmount: amount.amount,
          fundedCurrency: amount.currency,
          decidedOn: on,
        }));
      }
      case 'ProposalRejected':
        return void (await touch({ status: 'REJECTED', statusReason: event.data.reason, decidedOn: event.data.on }));
      case 'ProposalWithdrawn':
        return void (await touch({ status: 'WITHDRAWN', statusReason: event.data.reason, withdrawnOn: event.data.on }));
    }
  },
};
