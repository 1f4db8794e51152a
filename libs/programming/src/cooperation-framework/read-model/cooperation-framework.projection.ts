import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import {
  COOPERATION_FRAMEWORK_EVENT_TYPES,
  frameworkResultId,
  type CooperationFrameworkEvent,
  type FrameworkResultKind,
  type Indicator,
} from '../domain/cooperation-framework.events';
import { CooperationFrameworkRow, FrameworkResultRow } from './cooperation-framework.rows';

interface NewResult {
  kind: FrameworkResultKind;
  code: string;
  parentCode?: string;
  title: string;
  sdgTargets: string[];
}

/** A result row carries its framework's code and countries, so links can be checked from one row. */
async function addResult(tx: EntityManager, envelope: EventEnvelope, result: NewResult): Promise<void> {
  const framework = await tx.findOneBy(CooperationFrameworkRow, { id: envelope.streamId });
  await tx.upsert(
    FrameworkResultRow,
    {
      id: frameworkResultId(envelope.streamId, result.code),
      frameworkId: envelope.streamId,
      frameworkCode: framework?.code ?? '',
      kind: result.kind,
      code: result.code,
      parentCode: result.parentCode ?? null,
      title: result.title,
      countries: framework?.countries ?? [],
      sdgTargets: result.sdgTargets,
      indicators: [],
      position: envelope.version,
    },
    ['id'],
  );
}

/** Replaces the indicator with the same code, keeping the order in which indicators were first defined. */
async function defineIndicator(tx: EntityManager, frameworkId: string, resultCode: string, indicator: Indicator) {
  const id = frameworkResultId(frameworkId, resultCode);
  const row = await tx.findOneBy(FrameworkResultRow, { id });
  if (!row) return;
  const known = row.indicators.some((i) => i.code === indicator.code);
  const indicators = known
    ? row.indicators.map((i) => (i.code === indicator.code ? indicator : i))
    : [...row.indicators, indicator];
  await tx.update(FrameworkResultRow, { id }, { indicators });
}

/** Frameworks and one row per result, shaped for alignment queries and for linking checks. */
export const cooperationFrameworkProjection: Projection = {
  name: 'programming.cooperation-frameworks',
  tables: ['programming_frameworks', 'programming_framework_results'],
  eventTypes: COOPERATION_FRAMEWORK_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as CooperationFrameworkEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<CooperationFrameworkRow> = {}) =>
      tx.update(CooperationFrameworkRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'CooperationFrameworkCreated':
        await tx.upsert(
          CooperationFrameworkRow,
          { id, ...event.data, status: 'DRAFT', version: envelope.version, createdAt: at, updatedAt: at },
          ['id'],
        );
        return;
      case 'FrameworkStrategicPriorityAdded':
        await addResult(tx, envelope, { kind: 'STRATEGIC_PRIORITY', ...event.data });
        return void (await touch());
      case 'FrameworkOutcomeAdded':
        await addResult(tx, envelope, { kind: 'OUTCOME', ...event.data, parentCode: event.data.priorityCode });
        return void (await touch());
      case 'FrameworkOutputAdded':
        await addResult(tx, envelope, { kind: 'OUTPUT', ...event.data, parentCode: event.data.outcomeCode });
        return void (await touch());
      case 'FrameworkIndicatorDefined':
        await defineIndicator(tx, id, event.data.resultCode, event.data.indicator);
        return void (await touch());
      case 'CooperationFrameworkActivated':
        return void (await touch({ status: 'ACTIVE' }));
      case 'CooperationFrameworkClosed':
        return void (await touch({ status: 'CLOSED' }));
    }
  },
};
