import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { FOCAL_POINT_EVENT_TYPES, type FocalPointEvent } from '../domain/focal-point.events';
import { FocalPointRow } from './focal-point.rows';

/** Focal points by country, organisation and expertise. Timestamps are the events', so rebuilds are equal. */
export const focalPointProjection: Projection = {
  name: 'directory.focal-points',
  tables: ['directory_focal_points'],
  eventTypes: FOCAL_POINT_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as FocalPointEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<FocalPointRow>) =>
      tx.update(FocalPointRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'FocalPointRegistered': {
        const { organisation, phone, ...data } = event.data;
        await tx.upsert(
          FocalPointRow,
          {
            id,
            ...data,
            phone: phone ?? null,
            organisationCode: organisation,
            status: 'ACTIVE',
            leftOn: null,
            version: envelope.version,
            registeredAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'FocalPointUpdated':
        return void (await touch(event.data));
      case 'FocalPointLeft':
        return void (await touch({ status: 'LEFT', leftOn: event.data.on }));
    }
  },
};
