import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageSize, type Actor, type PageRequest } from '@concord/kernel';
import { DataSource, In, type FindOptionsWhere, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { seesUnpublished } from '../../publication.policy';
import type { CooperationFrameworkStatus } from '../domain/cooperation-framework.events';
import { CooperationFrameworkRow, FrameworkResultRow } from '../read-model/cooperation-framework.rows';
import { PUBLISHED_FRAMEWORK_STATUSES } from './cooperation-framework.policy';

export interface CooperationFrameworkFilter {
  country?: string;
  status?: CooperationFrameworkStatus;
}

/** One Relay page of a query ordered by its unique `code` column (the cursor). */
export async function pageByCode<T extends ObjectLiteral & { code: string }>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
): Promise<Page<T>> {
  const size = pageSize(page.first);
  const alias = query.alias;
  const totalCount = countWhenAsked(query);
  if (page.after) query.andWhere(`${alias}.code > :after`, { after: decodeCursor(page.after) });
  const rows = await query
    .orderBy(`${alias}.code`, 'ASC')
    .take(size + 1)
    .getMany();
  return {
    nodes: rows.slice(0, size).map((node) => ({ cursor: encodeCursor(node.code), node })),
    hasNextPage: rows.length > size,
    totalCount,
  };
}

/** The frameworks a viewer may see: all when signed in, else the published ones (ADR 0007). */
const visibleTo = (viewer: Actor | undefined): FindOptionsWhere<CooperationFrameworkRow> =>
  seesUnpublished(viewer) ? {} : { status: In([...PUBLISHED_FRAMEWORK_STATUSES]) };

/**
 * Reads of the framework tables; resolvers and the joint programme handler call these. Reads for
 * callers take the viewer: an anonymous one sees no DRAFT framework, nor its results.
 */
@Injectable()
export class CooperationFrameworkQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string, viewer: Actor | undefined): Promise<CooperationFrameworkRow | null> {
    return this.db.getRepository(CooperationFrameworkRow).findOneBy({ id, ...visibleTo(viewer) });
  }

  byCode(code: string, viewer: Actor | undefined): Promise<CooperationFrameworkRow | null> {
    return this.db.getRepository(CooperationFrameworkRow).findOneBy({ code, ...visibleTo(viewer) });
  }

  byIds(ids: readonly string[], viewer: Actor | undefined): Promise<CooperationFrameworkRow[]> {
    return this.db.getRepository(CooperationFrameworkRow).findBy({ id: In([...ids]), ...visibleTo(viewer) });
  }

  /** The results of these frameworks (already visible to the caller), each framework's in the order they were added. */
  resultsOf(frameworkIds: readonly string[]): Promise<FrameworkResultRow[]> {
    return this.db
      .getRepository(FrameworkResultRow)
      .find({ where: { frameworkId: In([...frameworkIds]) }, order: { position: 'ASC' } });
  }

  /** Results by id, whatever their framework's status: for command handlers, which check links. */
  resultsByIds(ids: readonly string[]): Promise<FrameworkResultRow[]> {
    return this.db.getRepository(FrameworkResultRow).findBy({ id: In([...ids]) });
  }

  /** Results by id as a caller may see them: an anonymous one gets none of a DRAFT framework. */
  resultsVisibleTo(ids: readonly string[], viewer: Actor | undefined): Promise<FrameworkResultRow[]> {
    if (seesUnpublished(viewer)) return this.resultsByIds(ids);
    return this.db
      .getRepository(FrameworkResultRow)
      .createQueryBuilder('r')
      .where('r.id IN (:...ids)', { ids: [...ids] })
      .andWhere(
        `EXISTS (SELECT 1 FROM programming_frameworks f WHERE f.id = r.framework_id AND f.status IN (:...published))`,
        { published: [...PUBLISHED_FRAMEWORK_STATUSES] },
      )
      .getMany();
  }

  list(
    filter: CooperationFrameworkFilter,
    page: PageRequest,
    viewer: Actor | undefined,
  ): Promise<Page<CooperationFrameworkRow>> {
    const query = this.db.getRepository(CooperationFrameworkRow).createQueryBuilder('f');
    if (filter.country) query.andWhere('f.countries @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    // In SQL, so that totalCount and the pages count only what the caller sees.
    if (!seesUnpublished(viewer)) {
      query.andWhere('f.status IN (:...published)', { published: [...PUBLISHED_FRAMEWORK_STATUSES] });
    }
    return pageByCode(query, page);
  }
}
