import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { FUND_EVENT_TYPES, type FundDetails, type FundEvent } from '../domain/fund.events';
import { FundRow } from './fund.rows';

/** The detail columns of a fund row. */
const columnsOf = ({ managingOrganisation, target, ...details }: FundDetails): Partial<FundRow> => ({
  ...details,
  managingOrganisationCode: managingOrganisation,
  targetAmount: target?.amount ?? null,
  targetCurrency: target?.currency ?? null,
});

/** Funds by code, kind, managing organisation and status. Timestamps are the events', so rebuilds are equal. */
export const fundProjection: Projection = {
  name: 'funding.funds',
  tables: ['funding_funds'],
  eventTypes: FUND_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as FundEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<FundRow>) =>
      tx.update(FundRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'FundEstablished': {
        const { code, ...details } = event.data;
        await tx.upsert(
          FundRow,
          {
            id,
            code,
            ...columnsOf(details),
            status: 'ACTIVE',
            closedOn: null,
            version: envelope.version,
            createdAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'FundRevised':
        return void (await touch(columnsOf(event.data.details)));
      case 'FundClosed':
        return void (await touch({ status: 'CLOSED', closedOn: event.data.on }));
    }
  },
};
