import { countWhenAsked, type Page } from '@concord/platform';
import { decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ContributionRow, TransactionRow } from '../read-model/contribution.rows';

export interface ContributionFilter {
  country?: string;
  donor?: string;
  organisation?: string;
  jointProgrammeId?: string;
  fundCode?: string;
}

/** Reads of the contribution tables; resolvers call these, never repositories. */
@Injectable()
export class ContributionQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<ContributionRow | null> {
    return this.db.getRepository(ContributionRow).findOneBy({ id });
  }

  transactionsOf(ids: readonly string[]): Promise<TransactionRow[]> {
    return this.db
      .getRepository(TransactionRow)
      .find({ where: { contributionId: In([...ids]) }, order: { contributionId: 'ASC', number: 'ASC' } });
  }

  /** Listed by id, which is also the cursor. */
  async list(filter: ContributionFilter, page: PageRequest): Promise<Page<ContributionRow>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(ContributionRow).createQueryBuilder('c');
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined && value !== null) query.andWhere(`c.${key} = :${key}`, { [key]: value });
    }
    const totalCount = countWhenAsked(query);
    if (page.after) {
      query.andWhere('c.id > :after', { after: decodeCursor(page.after) });
    }
    const rows = await query
      .orderBy('c.id', 'ASC')
      .take(size + 1)
      .getMany();
    return {
      nodes: rows.slice(0, size).map((node) => ({ cursor: encodeCursor(node.id), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
