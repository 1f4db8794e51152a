import { Injectable } from '@nestjs/common';
import type { PageRequest } from '@concord/kernel';
import { DataSource, In } from 'typeorm';
import { pageByCode, type Page } from '../../cooperation-framework/application/cooperation-framework.queries';
import type { JointProgrammeStatus } from '../domain/joint-programme.events';
import { JointProgrammeRow, JpParticipantRow, JpReportRow, JpResultLinkRow } from '../read-model/joint-programme.rows';

export interface JointProgrammeFilter {
  country?: string;
  status?: JointProgrammeStatus;
  /** Lead or participating organisation code. */
  organisation?: string;
  policyArea?: string;
}

/** Reads of the joint programme tables; resolvers call these, never repositories. */
@Injectable()
export class JointProgrammeQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<JointProgrammeRow | null> {
    return this.db.getRepository(JointProgrammeRow).findOneBy({ id });
  }

  byCode(code: string): Promise<JointProgrammeRow | null> {
    return this.db.getRepository(JointProgrammeRow).findOneBy({ code });
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
  list(filter: JointProgrammeFilter, page: PageRequest): Promise<Page<JointProgrammeRow>> {
    const query = this.db.getRepository(JointProgrammeRow).createQueryBuilder('j');
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
