import { Injectable } from '@nestjs/common';
import type { Actor, PageRequest } from '@concord/kernel';
import { DataSource, In, type FindOptionsWhere } from 'typeorm';
import type { Page } from '@concord/platform';
import { pageByCode } from '../../cooperation-framework/application/cooperation-framework.queries';
import { seesUnpublished } from '../../publication.policy';
import type { JointProgrammeStatus } from '../domain/joint-programme.events';
import { JointProgrammeRow, JpParticipantRow, JpReportRow, JpResultLinkRow } from '../read-model/joint-programme.rows';

export interface JointProgrammeFilter {
  country?: string;
  status?: JointProgrammeStatus;
  /** Lead or participating organisation code. */
  organisation?: string;
  policyArea?: string;
}

/** The programmes a viewer may see: all when signed in, else the published ones (ADR 0007). */
const visibleTo = (viewer: Actor | undefined): FindOptionsWhere<JointProgrammeRow> =>
  seesUnpublished(viewer) ? {} : { published: true };

/**
 * Reads of the joint programme tables; resolvers call these, never repositories. Reads of
 * programmes take the viewer: an anonymous one sees only published programmes. Participants,
 * links and reports are read for programmes the caller already sees.
 */
@Injectable()
export class JointProgrammeQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string, viewer: Actor | undefined): Promise<JointProgrammeRow | null> {
    return this.db.getRepository(JointProgrammeRow).findOneBy({ id, ...visibleTo(viewer) });
  }

  byCode(code: string, viewer: Actor | undefined): Promise<JointProgrammeRow | null> {
    return this.db.getRepository(JointProgrammeRow).findOneBy({ code, ...visibleTo(viewer) });
  }

  participantsOf(ids: readonly string[]): Promise<JpParticipantRow[]> {
    return this.db.getRepository(JpParticipantRow).find({ where: { jpId: In([...ids]) }, order: { position: 'ASC' } });
  }

  linksOf(ids: readonly string[]): Promise<JpResultLinkRow[]> {
    return this.db
      .getRepository(JpResultLinkRow)
      .find({ where: { jpId: In([...ids]) }, order: { linkedAt: 'ASC', resultId: 'ASC' } });
  }

  reportsOf(ids: readonly string[]): Promise<JpReportRow[]> {
    return this.db.getRepository(JpReportRow).find({ where: { jpId: In([...ids]) }, order: { period: 'ASC' } });
  }

  /** Joint programmes by code, a page at a time (Relay connection). */
  list(filter: JointProgrammeFilter, page: PageRequest, viewer: Actor | undefined): Promise<Page<JointProgrammeRow>> {
    const query = this.db.getRepository(JointProgrammeRow).createQueryBuilder('j');
    // In SQL, so that totalCount and the pages count only what the caller sees.
    if (!seesUnpublished(viewer)) query.andWhere('j.published');
    if (filter.country) query.andWhere('j.countries @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.status) query.andWhere('j.status = :status', { status: filter.status });
    if (filter.policyArea) {
      query.andWhere('j.policy_areas @> ARRAY[:policyArea]::text[]', { policyArea: filter.policyArea });
    }
    if (filter.organisation) {
      query.andWhere(
        `(j.lead_organisation = :organisation OR EXISTS (SELECT 1 FROM programming_jp_participants p
          WHERE p.jp_id = j.id AND p.organisation = :organisation))`,
        { organisation: filter.organisation },
      );
    }
    return pageByCode(query, page);
  }
}
