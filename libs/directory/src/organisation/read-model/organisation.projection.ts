import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { ORGANISATION_EVENT_TYPES, type OrganisationEvent } from '../domain/organisation.events';
import { MandateRow, OrganisationRow, PresenceRow } from './organisation.rows';

/** Organisations with their mandates and open country presences, shaped for directory queries. */
export const organisationProjection: Projection = {
  name: 'directory.organisations',
  tables: ['directory_organisations', 'directory_mandates', 'directory_presences'],
  eventTypes: ORGANISATION_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as OrganisationEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<OrganisationRow> = {}) =>
      tx.update(OrganisationRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'OrganisationRegistered':
        await tx.upsert(
          OrganisationRow,
          {
            id,
            code: event.data.code,
            name: event.data.name,
            names: event.data.names,
            type: event.data.type,
            iatiOrgId: event.data.iatiOrgId ?? null,
            parentId: event.data.parentId ?? null,
            version: envelope.version,
            registeredAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      case 'OrganisationRenamed':
        return void (await touch({ name: event.data.name, names: event.data.names }));
      case 'MandateDeclared':
        await tx.upsert(
          MandateRow,
          {
            organisationId: id,
            areaKind: event.data.area.kind,
            areaCode: event.data.area.code,
            level: event.data.level,
          },
          ['organisationId', 'areaKind', 'areaCode'],
        );
        return void (await touch());
      case 'MandateWithdrawn':
        await tx.delete(MandateRow, {
          organisationId: id,
          areaKind: event.data.area.kind,
          areaCode: event.data.area.code,
        });
        return void (await touch());
      case 'CountryPresenceEstablished':
        await tx.upsert(
          PresenceRow,
          {
            organisationId: id,
            country: event.data.country,
            residency: event.data.residency,
            office: event.data.office ?? null,
            establishedAt: at,
          },
          ['organisationId', 'country'],
        );
        return void (await touch());
      case 'CountryPresenceClosed':
        await tx.delete(PresenceRow, { organisationId: id, country: event.data.country });
        return void (await touch());
    }
  },
};
