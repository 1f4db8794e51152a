import { ConcordError, decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { isIsoDate } from '../domain/activity.rules';
import { ActivityRow } from '../read-model/activity.rows';

export interface ActivityFilter {
  country?: string;
  policyArea?: string;
  guarantee?: string;
  targetGroup?: string;
  /** Lead or partner organisation code. */
  organisation?: string;
  status?: string;
  jointProgrammeId?: string;
  /** Activities running on this day. */
  activeOn?: string;
  /** Activities whose period overlaps this one; either bound may be open. */
  period?: { from?: string; to?: string };
  /** Part of the title, any case. */
  text?: string;
}

export interface Page<T> {
  nodes: { cursor: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** An organisation as the directory names it. */
export interface OrganisationName {
  code: string;
  name: string;
  iatiOrgId: string | null;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})\|(.+)$/;

function validDate(path: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw ConcordError.badInput('INVALID_DATE', { path, value, message: 'must be a calendar date written YYYY-MM-DD' });
  }
}

/** Cursors carry the sort key (start date, id) of the last row seen. */
function afterKey(cursor: string): { start: string; id: string } {
  const match = CURSOR.exec(decodeCursor(cursor));
  if (!match) {
    throw ConcordError.badInput('INVALID_CURSOR', {
      path: 'after',
      value: cursor,
      message: 'is not a cursor returned by this query',
    });
  }
  return { start: match[1], id: match[2] };
}

function applyFilter(query: SelectQueryBuilder<ActivityRow>, filter: ActivityFilter): void {
  const { country, policyArea, guarantee, targetGroup, organisation, status, jointProgrammeId, activeOn, period } =
    filter;
  validDate('filter.activeOn', activeOn);
  validDate('filter.period.from', period?.from);
  validDate('filter.period.to', period?.to);
  if (country) query.andWhere('a.country = :country', { country });
  if (status) query.andWhere('a.status = :status', { status });
  // Array containment (@>) is what the GIN indexes on these columns serve.
  if (policyArea) query.andWhere('a.policy_areas @> ARRAY[:policyArea]::text[]', { policyArea });
  if (guarantee) query.andWhere('a.guarantees @> ARRAY[:guarantee]::text[]', { guarantee });
  if (targetGroup) query.andWhere('a.target_groups @> ARRAY[:targetGroup]::text[]', { targetGroup });
  if (organisation) {
    query.andWhere(
      new Brackets((q) =>
        q
          .where('a.organisation = :organisation', { organisation })
          .orWhere('a.partner_organisations @> ARRAY[:organisation]::text[]', { organisation }),
      ),
    );
  }
  if (jointProgrammeId) query.andWhere('a.joint_programme_id = :jointProgrammeId', { jointProgrammeId });
  if (activeOn) query.andWhere('a.start_date <= :activeOn AND a.end_date >= :activeOn', { activeOn });
  if (period?.from) query.andWhere('a.end_date >= :from', { from: period.from });
  if (period?.to) query.andWhere('a.start_date <= :to', { to: period.to });
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, '\\$&')}%`;
    query.andWhere('a.title ILIKE :pattern', { pattern });
  }
}

/** Reads of the activities table; resolvers call these, never repositories. */
@Injectable()
export class ActivityQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<ActivityRow | null> {
    return this.db.getRepository(ActivityRow).findOneBy({ id });
  }

  /** Activities by start date, then id, a page at a time (Relay connection). */
  async list(filter: ActivityFilter, page: PageRequest): Promise<Page<ActivityRow>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(ActivityRow).createQueryBuilder('a');
    applyFilter(query, filter);
    const totalCount = await query.getCount();
    if (page.after) {
      const after = afterKey(page.after);
      query.andWhere('(a.start_date, a.id) > (CAST(:afterStart AS date), :afterId)', {
        afterStart: after.start,
        afterId: after.id,
      });
    }
    const rows = await query
      .orderBy('a.start_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(size + 1)
      .getMany();
    return {
      nodes: rows.slice(0, size).map((node) => ({ cursor: encodeCursor(`${node.startDate}|${node.id}`), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
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
}
