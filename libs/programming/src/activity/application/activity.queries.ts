import {
  ConcordError,
  decodeCursor,
  encodeCursor,
  pageSize,
  type Actor,
  type PageRequest,
  isIsoDate,
} from '@concord/kernel';
import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { PUBLISHED_FRAMEWORK_STATUSES } from '../../cooperation-framework/application/cooperation-framework.policy';
import { seesUnpublished } from '../../publication.policy';
import { ActivityRow } from '../read-model/activity.rows';

export interface ActivityFilter {
  country?: string;
  /** Any of these countries, e.g. a region's. */
  countries?: string[];
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

/**
 * What an anonymous caller may see (ADR 0007), in SQL so that totalCount and the pages count only
 * that: published activities, and a programme filter only on a published programme, so the filter
 * does not confirm that an unpublished one exists.
 */
function onlyPublished(query: SelectQueryBuilder<ActivityRow>, filter: ActivityFilter): void {
  query.andWhere('a.published');
  if (filter.jointProgrammeId) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM programming_joint_programmes j WHERE j.id = a.joint_programme_id AND j.published)',
    );
  }
}

const unique = (values: (string | null)[]): string[] => [...new Set(values.filter((v): v is string => v !== null))];

function applyFilter(query: SelectQueryBuilder<ActivityRow>, filter: ActivityFilter): void {
  const { country, policyArea, guarantee, targetGroup, organisation, status, jointProgrammeId, activeOn, period } =
    filter;
  validDate('filter.activeOn', activeOn);
  validDate('filter.period.from', period?.from);
  validDate('filter.period.to', period?.to);
  if (country) query.andWhere('a.country = :country', { country });
  if (filter.countries) query.andWhere('a.country = ANY(:countries)', { countries: filter.countries });
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

/** Narrows a query over `programming_activities a` to the filter and to what the viewer may see. */
export function filterActivities(
  query: SelectQueryBuilder<ActivityRow>,
  filter: ActivityFilter,
  viewer: Actor | undefined,
): SelectQueryBuilder<ActivityRow> {
  applyFilter(query, filter);
  if (!seesUnpublished(viewer)) onlyPublished(query, filter);
  return query;
}

/**
 * Reads of the activities table; resolvers call these, never repositories. Each read takes the
 * viewer: an anonymous one sees published activities only, and their links only to a published
 * joint programme and to an output of an ACTIVE or CLOSED framework (ADR 0007).
 */
@Injectable()
export class ActivityQueries {
  constructor(private readonly db: DataSource) {}

  async byId(id: string, viewer: Actor | undefined): Promise<ActivityRow | null> {
    const row = await this.db
      .getRepository(ActivityRow)
      .findOneBy(seesUnpublished(viewer) ? { id } : { id, published: true });
    return row && (await this.withVisibleLinks([row], viewer))[0];
  }

  /** Activities by start date, then id, a page at a time (Relay connection). */
  async list(filter: ActivityFilter, page: PageRequest, viewer: Actor | undefined): Promise<Page<ActivityRow>> {
    const size = pageSize(page.first);
    const repository = this.db.getRepository(ActivityRow);
    const matching = filterActivities(repository.createQueryBuilder('a'), filter, viewer);
    const totalCount = countWhenAsked(matching);
    if (page.after) {
      const after = afterKey(page.after);
      matching.andWhere('(a.start_date, a.id) > (CAST(:afterStart AS date), :afterId)', {
        afterStart: after.start,
        afterId: after.id,
      });
    }
    // The page's ids first, then their rows: the ids come from the covering index alone, so rows
    // the filter skips never cost a visit to the (wide) table.
    const ids = matching
      .select('a.id', 'id')
      .orderBy('a.start_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(size + 1);
    const rows = await repository
      .createQueryBuilder('a')
      .innerJoin(`(${ids.getQuery()})`, 'page', 'page.id = a.id')
      .setParameters(ids.getParameters())
      .orderBy('a.start_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const nodes = await this.withVisibleLinks(rows.slice(0, size), viewer);
    return {
      nodes: nodes.map((node) => ({ cursor: encodeCursor(`${node.startDate}|${node.id}`), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }

  /**
   * The rows with `jointProgrammeId` and `frameworkOutputId` set to null where they name something
   * the viewer may not see: an anonymous caller learns nothing of an unpublished programme or of a
   * draft framework (nor of an id that names nothing known). Two queries per page at most.
   */
  private async withVisibleLinks(rows: ActivityRow[], viewer: Actor | undefined): Promise<ActivityRow[]> {
    if (seesUnpublished(viewer)) return rows;
    const programmeIds = unique(rows.map((r) => r.jointProgrammeId));
    const outputIds = unique(rows.map((r) => r.frameworkOutputId));
    const [programmes, outputs]: { id: string }[][] = await Promise.all([
      programmeIds.length
        ? this.db.query(`SELECT id FROM programming_joint_programmes WHERE id = ANY($1) AND published`, [programmeIds])
        : [],
      outputIds.length
        ? this.db.query(
            `SELECT r.id FROM programming_framework_results r JOIN programming_frameworks f ON f.id = r.framework_id
              WHERE r.id = ANY($1) AND f.status = ANY($2)`,
            [outputIds, [...PUBLISHED_FRAMEWORK_STATUSES]],
          )
        : [],
    ]);
    const shown = (found: { id: string }[]) => {
      const ids = new Set(found.map((r) => r.id));
      return (id: string | null) => (id !== null && ids.has(id) ? id : null);
    };
    const [programme, output] = [shown(programmes), shown(outputs)];
    return rows.map((row) => ({
      ...row,
      jointProgrammeId: programme(row.jointProgrammeId),
      frameworkOutputId: output(row.frameworkOutputId),
    }));
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
