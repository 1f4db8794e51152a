import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { COORDINATION_BODY_EVENT_TYPES, type CoordinationBodyEvent } from '../domain/coordination-body.events';
import { BodyDivisionRow, BodyInteractionRow, BodyMemberRow, CoordinationBodyRow } from './coordination-body.rows';

/**
 * Coordination bodies with their members (chairs flagged), interaction levels between member
 * pairs and divisions of labour. Every timestamp is the event's, so a rebuild gives equal tables.
 */
export const coordinationBodyProjection: Projection = {
  name: 'directory.coordination-bodies',
  tables: [
    'directory_coordination_bodies',
    'directory_body_members',
    'directory_body_interactions',
    'directory_body_divisions',
  ],
  eventTypes: COORDINATION_BODY_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as CoordinationBodyEvent;
    const bodyId = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<CoordinationBodyRow> = {}) =>
      tx.update(CoordinationBodyRow, { id: bodyId }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'CoordinationBodyEstablished': {
        const { name, names, country, region, kind, cadence } = event.data;
        await tx.upsert(
          CoordinationBodyRow,
          {
            id: bodyId,
            name,
            names,
            country: country ?? null,
            region: region ?? null,
            kind,
            cadence: cadence ?? null,
            termsOfReference: null,
            termsOfReferenceUrl: null,
            status: 'ACTIVE',
            dissolvedOn: null,
            version: envelope.version,
            establishedAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'CoordinationBodyRenamed':
        return void (await touch({ name: event.data.name, names: event.data.names }));
      case 'BodyMemberAdmitted':
        await tx.upsert(
          BodyMemberRow,
          { bodyId, organisationCode: event.data.organisation, isChair: false, since: event.data.since },
          ['bodyId', 'organisationCode'],
        );
        return void (await touch());
      case 'BodyMemberRemoved':
        await tx.delete(BodyMemberRow, { bodyId, organisationCode: event.data.organisation });
        // As the decider's state: the leaver's interaction levels go, its divisions of labour stay.
        await tx.delete(BodyInteractionRow, { bodyId, orgA: event.data.organisation });
        await tx.delete(BodyInteractionRow, { bodyId, orgB: event.data.organisation });
        return void (await touch());
      case 'BodyChairAppointed':
      case 'BodyChairRelieved':
        await tx.update(
          BodyMemberRow,
          { bodyId, organisationCode: event.data.organisation },
          { isChair: event.type === 'BodyChairAppointed' },
        );
        return void (await touch());
      case 'BodyTermsOfReferenceSet':
        return void (await touch({
          termsOfReference: event.data.text ?? null,
          termsOfReferenceUrl: event.data.url ?? null,
          cadence: event.data.cadence ?? null,
        }));
      case 'BodyInteractionLevelRecorded':
        await tx.upsert(
          BodyInteractionRow,
          { bodyId, orgA: event.data.a, orgB: event.data.b, level: event.data.level, recordedAt: at },
          ['bodyId', 'orgA', 'orgB'],
        );
        return void (await touch());
      case 'BodyDivisionOfLabourRecorded':
        await tx.upsert(
          BodyDivisionRow,
          {
            bodyId,
            seq: event.data.seq,
            organisations: event.data.organisations,
            topic: event.data.topic,
            note: event.data.note ?? null,
            recordedAt: at,
          },
          ['bodyId', 'seq'],
        );
        return void (await touch());
      case 'CoordinationBodyDissolved':
        return void (await touch({ status: 'DISSOLVED', dissolvedOn: event.data.on }));
    }
  },
};
