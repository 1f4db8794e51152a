import { decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Money } from '../../money/money';
import { FundRow } from '../read-model/fund.rows';

export interface FundFilter {
  kind?: string;
  /** Organisation code. */
  managingOrganisation?: string;
  status?: string;
}

/** A fund as GraphQL serves it: the row with its target as Money. */
export type FundView = Omit<FundRow, 'targetAmount' | 'targetCurrency'> & { target: Money | null };

/** An organisation as the directory names it. */
export interface OrganisationName {
  code: string;
  name: string;
  iatiOrgId: string | null;
}

const viewOf = ({ targetAmount, targetCurrency, ...row }: FundRow): FundView => ({
  ...row,
  target: targetAmount !== null && targetCurrency !== null ? { amount: targetAmount, currency: targetCurrency } : null,
});

/** Reads of the fund table; resolvers call these, never repositories. Funds are public. */
@Injectable()
export class FundQueries {
  constructor(private readonly db: DataSource) {}

  async byId(id: string): Promise<FundView | null> {
    const row = await this.db.getRepository(FundRow).findOneBy({ id });
    return row && viewOf(row);
  }

  async byCode(code: string): Promise<FundView | null> {
    const row = await this.db.getRepository(FundRow).findOneBy({ code });
    return row && viewOf(row);
  }

  /** For DataLoaders: the funds of these ids (unknown ids are absent). */
  async byIds(ids: readonly string[]): Promise<FundView[]> {
    const rows = await this.db.getRepository(FundRow).findBy({ id: In([...ids]) });
    return rows.map(viewOf);
  }

  /**
   * Names of organisations by code, from the directory's read model (an upstream context every
   * Concord process runs); codes the directory does not know yet are simply absent.
   */
  organisationsByCode(codes: readonly string[]): Promise<OrganisationName[]> {
    return this.db.query(
      `SELECT code, name, iati_org_id AS "iatiOrgId" FROM directory_organisations WHERE code = ANY($1)`,
      [[...codes]],
    );
  }

  /** Funds in code order; the cursor is the last code seen. */
  async list(filter: FundFilter, page: PageRequest): Promise<Page<FundView>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(FundRow).createQueryBuilder('f');
    if (filter.kind) query.andWhere('f.kind = :kind', { kind: filter.kind });
    if (filter.managingOrganisation) {
      query.andWhere('f.managingOrganisationCode = :manager', { manager: filter.managingOrganisation });
    }
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    const totalCount = countWhenAsked(query);
    if (page.after) query.andWhere('f.code > :afterCode', { afterCode: decodeCursor(page.after) });
    const rows = await query
      .orderBy('f.code', 'ASC')
      .take(size + 1)
      .getMany();
    const views = rows.slice(0, size).map(viewOf);
    return {
      nodes: views.map((node) => ({ cursor: encodeCursor(node.code), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
