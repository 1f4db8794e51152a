import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { CALL_EVENT_TYPES, type CallDetails, type CallEvent } from '../domain/call.events';
import { CallRow } from './call.rows';

/** The detail columns of a call row. */
const columnsOf = ({ envelope, ...details }: CallDetails): Partial<CallRow> => ({
  ...details,
  envelopeAmount: envelope?.amount ?? null,
  envelopeCurrency: envelope?.currency ?? null,
});

/** Calls by fund, status and dates. Timestamps are the events', so rebuilds are equal. */
export const callProjection: Projection = {
  name: 'funding.calls',
  tables: ['funding_calls'],
  eventTypes: CALL_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as CallEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<CallRow>) =>
      tx.update(CallRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'CallAnnounced': {
        // The manager lives in the Call's state for authorisation; readers find it on the fund.
        const { fundId, fundCode, managingOrganisation, window, ...details } = event.data;
        await tx.upsert(
          CallRow,
          {
            id,
            fundId,
            fundCode,
            window,
            ...columnsOf(details),
            status: 'ANNOUNCED',
            closedOn: null,
            cancelReason: null,
            version: envelope.version,
            createdAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'CallRevised':
        return void (await touch(columnsOf(event.data.details)));
      case 'CallClosed':
        return void (await touch({ status: 'CLOSED', closedOn: event.data.on }));
      case 'CallCancelled':
        return void (await touch({ status: 'CANCELLED', cancelReason: event.data.reason }));
    }
  },
};
