import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { DUPLICATION_FLAG_EVENT_TYPES, type DuplicationFlagEvent } from '../domain/duplication-flag.events';
import { DuplicationFlagRow } from './duplication-flag.rows';

/** Flags by country, status and score. Timestamps are the events', so rebuilds are equal. */
export const duplicationFlagProjection: Projection = {
  name: 'duplication.flags',
  tables: ['duplication_flags'],
  eventTypes: DUPLICATION_FLAG_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as DuplicationFlagEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<DuplicationFlagRow>) =>
      tx.update(DuplicationFlagRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    const decided = (status: string, decision: string | null, reason: string | null, by: string | null) =>
      touch({ status, decision, decisionReason: reason, decidedBy: by });
    switch (event.type) {
      case 'DuplicationFlagRaised': {
        const { subjects, kind, score, contributions, fingerprint, country, organisations } = event.data;
        await tx.upsert(
          DuplicationFlagRow,
          {
            id,
            kind,
            status: 'OPEN',
            score: String(score),
            subjects,
            subjectIds: subjects.map((s) => s.id),
            country,
            organisations,
            contributions,
            fingerprint,
            decision: null,
            decisionReason: null,
            decidedBy: null,
            comments: [],
            version: envelope.version,
            raisedAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'DuplicationFlagRescored': {
        const { kind, score, contributions, fingerprint } = event.data;
        return void (await touch({ kind, score: String(score), contributions, fingerprint }));
      }
      case 'DuplicationFlagCleared':
        return void (await decided('CLEARED', null, event.data.reason, 'detector'));
      case 'DuplicationFlagConfirmed':
        return void (await decided('CONFIRMED', 'CONFIRMED', event.data.note, event.data.by));
      case 'DuplicationFlagDismissed':
        return void (await decided('DISMISSED', event.data.as, event.data.reason, event.data.by));
      case 'DuplicationFlagResolved':
        return void (await decided('RESOLVED', event.data.as, event.data.note, event.data.by));
      case 'DuplicationFlagReopened':
        return void (await decided('OPEN', null, event.data.reason, event.data.by));
      case 'DuplicationFlagCommented': {
        const comment = { ...event.data, at: at.toISOString() };
        await tx.query(
          `UPDATE duplication_flags SET comments = comments || $2::jsonb, version = $3, updated_at = $4 WHERE id = $1`,
          [id, JSON.stringify([comment]), envelope.version, at],
        );
        return;
      }
    }
  },
};
