import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { DataSource, In } from 'typeorm';
import type { MandateAreaKind } from '../domain/organisation.events';
import { MandateRow, OrganisationRow, PresenceRow } from '../read-model/organisation.rows';

export interface OrganisationFilter {
  type?: string;
  country?: string;
  mandate?: { kind: MandateAreaKind; code: string };
}

/** Reads of the directory's organisation tables; resolvers call these, never repositories. */
@Injectable()
export class OrganisationQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<OrganisationRow | null> {
    return this.db.getRepository(OrganisationRow).findOneBy({ id });
  }

  byCode(code: string): Promise<OrganisationRow | null> {
    return this.db.getRepository(OrganisationRow).findOneBy({ code });
  }

  byIds(ids: readonly string[]): Promise<OrganisationRow[]> {
    return this.db.getRepository(OrganisationRow).findBy({ id: In([...ids]) });
  }

  mandatesOf(ids: readonly string[]): Promise<MandateRow[]> {
    return this.db
      .getRepository(MandateRow)
      .find({ where: { organisationId: In([...ids]) }, order: { areaKind: 'ASC', areaCode: 'ASC' } });
  }

  presencesOf(ids: readonly string[]): Promise<PresenceRow[]> {
    return this.db
      .getRepository(PresenceRow)
      .find({ where: { organisationId: In([...ids]) }, order: { country: 'ASC' } });
  }

  /** Organisations by code, a page at a time (Relay connection). */
  async list(filter: OrganisationFilter, page: PageRequest): Promise<Page<OrganisationRow>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(OrganisationRow).createQueryBuilder('o');
    if (filter.type) query.andWhere('o.type = :type', { type: filter.type });
    if (filter.country) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM directory_presences p WHERE p.organisation_id = o.id AND p.country = :country)',
        { country: filter.country },
      );
    }
    if (filter.mandate) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM directory_mandates m WHERE m.organisation_id = o.id
                 AND m.area_kind = :kind AND m.area_code = :areaCode)`,
        { kind: filter.mandate.kind, areaCode: filter.mandate.code },
      );
    }
    const totalCount = countWhenAsked(query);
    if (page.after) query.andWhere('o.code > :after', { after: decodeCursor(page.after) });
    const rows = await query
      .orderBy('o.code', 'ASC')
      .take(size + 1)
      .getMany();
    return {
      nodes: rows.slice(0, size).map((node) => ({ cursor: encodeCursor(node.code), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
