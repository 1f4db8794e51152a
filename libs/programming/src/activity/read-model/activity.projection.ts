import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import { budgetTotals, withBudgetLine } from '../domain/activity.budget';
import {
  ACTIVITY_EVENT_TYPES,
  type ActivityDetails,
  type ActivityEvent,
  type BudgetLine,
  type Language,
  type LocalisedText,
} from '../domain/activity.events';
import { ActivityRow } from './activity.rows';

const displayTitle = (titles: LocalisedText, language: Language): string =>
  titles.en ?? titles[language] ?? Object.values(titles)[0] ?? '';

function budgetColumns(budget: BudgetLine[]): Partial<ActivityRow> {
  const totals = budgetTotals(budget);
  return {
    budget,
    budgetCurrency: totals.currency,
    budgetRequired: totals.required,
    budgetAvailable: totals.available,
    budgetSpent: totals.spent,
  };
}

/** The columns for the descriptive fields given; derived columns are recomputed from `row` where needed. */
function detailColumns(changes: Partial<ActivityDetails>, row?: ActivityRow): Partial<ActivityRow> {
  const { start, end, partners, titles, language, ...same } = changes;
  const columns: Partial<ActivityRow> = { ...same };
  if (start !== undefined) columns.startDate = start;
  if (end !== undefined) columns.endDate = end;
  if (partners !== undefined) {
    columns.partners = partners;
    columns.partnerOrganisations = [...new Set(partners.map((p) => p.organisation))];
  }
  if (titles !== undefined) columns.titles = titles;
  if (language !== undefined) columns.language = language;
  if (titles !== undefined || language !== undefined) {
    columns.title = displayTitle(titles ?? row?.titles ?? {}, language ?? (row?.language as Language));
  }
  return columns;
}

/**
 * Activities as one row each, for the `activities` query and later reporting. Every value comes
 * from the events (times from occurredAt), so a rebuild gives the same table.
 */
export const activityProjection: Projection = {
  name: 'programming.activities',
  tables: ['programming_activities'],
  eventTypes: ACTIVITY_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as ActivityEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<ActivityRow>) =>
      tx.update(ActivityRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'ActivityRegistered': {
        const {
          status,
          budget,
          jointProgrammeId,
          jointProgrammePeriod: _period,
          externalIds,
          source,
          ...details
        } = event.data;
        await tx.upsert(
          ActivityRow,
          {
            id,
            ...detailColumns(details),
            ...budgetColumns(budget),
            status,
            jointProgrammeId,
            externalIds,
            source,
            published: false,
            version: envelope.version,
            registeredAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return;
      }
      case 'ActivityRevised': {
        const row = await tx.findOneBy(ActivityRow, { id });
        if (!row) return;
        const { budget, ...details } = event.data;
        return void (await touch({ ...detailColumns(details, row), ...(budget ? budgetColumns(budget) : {}) }));
      }
      case 'ActivityStatusChanged':
        return void (await touch({ status: event.data.to }));
      case 'ActivityLinkedToJointProgramme':
        return void (await touch({ jointProgrammeId: event.data.jointProgrammeId }));
      case 'ActivityUnlinkedFromJointProgramme':
        return void (await touch({ jointProgrammeId: null }));
      case 'ActivityBudgetRecorded': {
        const row = await tx.findOneBy(ActivityRow, { id });
        if (!row) return;
        return void (await touch(budgetColumns(withBudgetLine(row.budget, event.data))));
      }
      case 'ActivityPublished':
        return void (await touch({ published: true }));
      case 'ActivityUnpublished':
        return void (await touch({ published: false }));
    }
  },
};
