import type { Actor } from '@concord/kernel';
import { ActivityRow, filterActivities, seesUnpublished, type ActivityFilter } from '@concord/programming';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scopedFilter } from '../../scope/application/mapping-scope';
import type { ThreeWActivity } from '../domain/three-w-columns';

export type ThreeWFilter = Omit<ActivityFilter, 'country' | 'countries' | 'text' | 'jointProgrammeId'>;

/** Rows read per round trip: an export is written as it is read, never held whole. */
const BATCH = 1000;

/**
 * A country's 3W rows as the viewer may see them, by start date, in batches (keyset paging), for
 * whichever encoder writes them (CSV, XLSX).
 */
@Injectable()
export class ThreeWExport {
  constructor(private readonly db: DataSource) {}

  /** Checks the country now, so a refusal comes before anything is sent; reads when iterated. */
  rows(country: string, filter: ThreeWFilter, viewer: Actor | undefined): AsyncGenerator<ThreeWActivity[]> {
    const scope = scopedFilter({ country }).filter;
    return this.batches({ ...filter, ...scope }, viewer);
  }

  private async *batches(filter: ActivityFilter, viewer: Actor | undefined): AsyncGenerator<ThreeWActivity[]> {
    let after: { start: string; id: string } | undefined;
    for (;;) {
      const query = filterActivities(
        this.db
          .getRepository(ActivityRow)
          .createQueryBuilder('a')
          .select([])
          .addSelect('a.id', 'id')
          .addSelect('a.title', 'title')
          .addSelect('a.organisation', 'organisation')
          .addSelect('o.name', 'organisationName')
          .addSelect('a.partners', 'partners')
          .addSelect('a.country', 'country')
          .addSelect('a.areas', 'areas')
          .addSelect('a.policy_areas', 'policyAreas')
          .addSelect('a.functions', 'functions')
          .addSelect('a.guarantees', 'guarantees')
          .addSelect('a.target_groups', 'targetGroups')
          .addSelect('a.status', 'status')
          .addSelect(`to_char(a.start_date, 'YYYY-MM-DD')`, 'start')
          .addSelect(`to_char(a.end_date, 'YYYY-MM-DD')`, 'end')
          .addSelect(seesUnpublished(viewer) ? 'j.code' : 'CASE WHEN j.published THEN j.code END', 'jointProgramme')
          .addSelect('a.budget_currency', 'budgetCurrency')
          .addSelect('a.budget_required::text', 'budgetRequired')
          .addSelect('a.budget_available::text', 'budgetAvailable')
          .addSelect('a.budget_spent::text', 'budgetSpent')
          .leftJoin('directory_organisations', 'o', 'o.code = a.organisation')
          .leftJoin('programming_joint_programmes', 'j', 'j.id = a.joint_programme_id'),
        filter,
        viewer,
      );
      if (after) {
        query.andWhere('(a.start_date, a.id) > (CAST(:afterStart AS date), :afterId)', {
          afterStart: after.start,
          afterId: after.id,
        });
      }
      const rows = await query.orderBy('a.start_date').addOrderBy('a.id').limit(BATCH).getRawMany<ThreeWActivity>();
      if (rows.length) yield rows;
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = { start: last.start, id: last.id };
    }
  }
}
