import type { EventEnvelope, Projection } from '@concord/eventing';
import type { EntityManager } from 'typeorm';
import {
  JOINT_PROGRAMME_EVENT_TYPES,
  type JointProgrammeDetails,
  type JointProgrammeEvent,
  type LinkedFrameworkResult,
  type ProgressReport,
} from '../domain/joint-programme.events';
import { JointProgrammeRow, JpParticipantRow, JpReportRow, JpResultLinkRow } from './joint-programme.rows';

const detailColumns = (details: JointProgrammeDetails): Partial<JointProgrammeRow> => ({
  title: details.title,
  countries: details.countries,
  leadOrganisation: details.leadOrganisation ?? null,
  startDate: details.startDate ?? null,
  endDate: details.endDate ?? null,
  policyAreas: details.policyAreas,
  targetGroups: details.targetGroups,
  sdgTargets: details.sdgTargets,
  genderMarker: details.genderMarker ?? null,
  counterparts: details.counterparts,
  fundingSources: details.fundingSources,
});

async function replaceParticipants(tx: EntityManager, jpId: string, details: JointProgrammeDetails): Promise<void> {
  await tx.delete(JpParticipantRow, { jpId });
  if (!details.participants.length) return;
  await tx.insert(
    JpParticipantRow,
    details.participants.map((p, position) => ({
      jpId,
      organisation: p.organisation,
      role: p.role,
      budgetShare: p.budgetShare ?? null,
      position,
    })),
  );
}

async function link(tx: EntityManager, jpId: string, results: LinkedFrameworkResult[], at: Date): Promise<void> {
  await tx.upsert(
    JpResultLinkRow,
    results.map((r) => ({ jpId, resultId: r.id, kind: r.kind, linkedAt: at })),
    ['jpId', 'resultId'],
  );
}

/** A revision replaces the period's report and counts up; the first report's time is kept. */
async function saveReport(tx: EntityManager, jpId: string, report: ProgressReport, at: Date): Promise<void> {
  const earlier = await tx.findOneBy(JpReportRow, { jpId, period: report.period });
  await tx.upsert(
    JpReportRow,
    {
      jpId,
      period: report.period,
      actuals: report.indicatorActuals,
      expenditure: report.expenditure,
      narrative: report.narratives,
      revision: (earlier?.revision ?? 0) + 1,
      reportedAt: earlier?.reportedAt ?? at,
      revisedAt: at,
    },
    ['jpId', 'period'],
  );
}

/** Joint programmes with participants, framework links and progress reports, shaped for queries. */
export const jointProgrammeProjection: Projection = {
  name: 'programming.joint-programmes',
  tables: [
    'programming_joint_programmes',
    'programming_jp_participants',
    'programming_jp_result_links',
    'programming_jp_reports',
  ],
  eventTypes: JOINT_PROGRAMME_EVENT_TYPES,
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as JointProgrammeEvent;
    const id = envelope.streamId;
    const at = new Date(envelope.occurredAt);
    const touch = (changes: Partial<JointProgrammeRow> = {}) =>
      tx.update(JointProgrammeRow, { id }, { ...changes, version: envelope.version, updatedAt: at });
    switch (event.type) {
      case 'JointProgrammeDrafted': {
        const { code, ...details } = event.data;
        await tx.upsert(
          JointProgrammeRow,
          {
            id,
            code,
            ...detailColumns(details),
            status: 'CONCEPT',
            statusReason: null,
            published: false,
            version: envelope.version,
            createdAt: at,
            updatedAt: at,
          },
          ['id'],
        );
        return replaceParticipants(tx, id, details);
      }
      case 'JointProgrammeRevised':
        await replaceParticipants(tx, id, event.data.details);
        return void (await touch(detailColumns(event.data.details)));
      case 'JointProgrammeSubmitted':
        return void (await touch({ status: 'SUBMITTED' }));
      case 'JointProgrammeApproved':
        return void (await touch({ status: 'APPROVED' }));
      case 'JointProgrammeRejected':
        return void (await touch({ status: 'REJECTED', statusReason: event.data.reason }));
      case 'JointProgrammeActivated':
        return void (await touch({ status: 'ACTIVE' }));
      case 'JointProgrammeOperationallyClosed':
        return void (await touch({ status: 'OPERATIONALLY_CLOSED' }));
      case 'JointProgrammeFinanciallyClosed':
        return void (await touch({ status: 'FINANCIALLY_CLOSED' }));
      case 'JointProgrammeCancelled':
        return void (await touch({ status: 'CANCELLED', statusReason: event.data.reason }));
      case 'JointProgrammeResultsLinked':
        await link(tx, id, event.data.results, at);
        return void (await touch());
      case 'JointProgrammeProgressReported':
      case 'JointProgrammeProgressReportRevised':
        await saveReport(tx, id, event.data, at);
        return void (await touch());
      case 'JointProgrammePublished':
        return void (await touch({ published: true }));
      case 'JointProgrammeUnpublished':
        return void (await touch({ published: false }));
    }
  },
};
