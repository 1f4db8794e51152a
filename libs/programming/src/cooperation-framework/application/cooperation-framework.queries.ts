import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { CooperationFrameworkStatus } from '../domain/cooperation-framework.events';
import { CooperationFrameworkRow, FrameworkResultRow } from '../read-model/cooperation-framework.rows';

export interface CooperationFrameworkFilter {
  country?: string;
  status?: CooperationFrameworkStatus;
}

export interface Page<T> {
  nodes: { cursor: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** One Relay page of a query ordered by its unique `code` column (the cursor). */
export async function pageByCode<T extends ObjectLiteral & { code: string }>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
): Promise<Page<T>> {
  const size = pageSize(page.first);
  const alias = query.alias;
  const totalCount = await query.getCount();
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

/** Reads of the framework tables; resolvers and the joint programme handler call these. */
@Injectable()
export class CooperationFrameworkQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<CooperationFrameworkRow | null> {
    return this.db.getRepository(CooperationFrameworkRow).findOneBy({ id });
  }

  byCode(code: string): Promise<CooperationFrameworkRow | null> {
    return this.db.getRepository(CooperationFrameworkRow).findOneBy({ code });
  }

  byIds(ids: readonly string[]): Promise<CooperationFrameworkRow[]> {
    return this.db.getRepository(CooperationFrameworkRow).findBy({ id: In([...ids]) });
  }

  /** The results of these frameworks, each framework's in the order they were added. */
  resultsOf(frameworkIds: readonly string[]): Promise<FrameworkResultRow[]> {
    return this.db
      .getRepository(FrameworkResultRow)
      .find({ where: { frameworkId: In([...frameworkIds]) }, order: { position: 'ASC' } });
  }

  resultsByIds(ids: readonly string[]): Promise<FrameworkResultRow[]> {
    return this.db.getRepository(FrameworkResultRow).findBy({ id: In([...ids]) });
  }

  list(filter: CooperationFrameworkFilter, page: PageRequest): Promise<Page<CooperationFrameworkRow>> {
    const query = this.db.getRepository(CooperationFrameworkRow).createQueryBuilder('f');
    if (filter.country) query.andWhere('f.countries @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    return pageByCode(query, page);
  }
}
