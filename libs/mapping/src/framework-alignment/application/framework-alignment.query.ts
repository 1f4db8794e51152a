import { ConcordError, type Actor } from '@concord/kernel';
import { bySdgTarget } from '@concord/reference';
import { ActivityRow, PUBLISHED_FRAMEWORK_STATUSES, filterActivities, seesUnpublished } from '@concord/programming';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  outcomeCoverage,
  type ActivityLink,
  type FrameworkResult,
  type JointProgrammeLink,
  type OutcomeCoverage,
} from '../domain/outcome-coverage';

export interface OutcomeBudget {
  currency: string;
  required: string;
  available: string;
  spent: string;
  /** required − available; positive means money is still to be found. */
  gap: string;
}

export interface OutcomeAlignment extends OutcomeCoverage {
  budgets: OutcomeBudget[];
  fundingGap: boolean;
}

export interface FrameworkAlignment {
  framework: {
    id: string;
    code: string;
    title: string;
    countries: string[];
    startDate: string;
    endDate: string;
    status: string;
  };
  outcomes: OutcomeAlignment[];
  linkedActivities: number;
  /** Activities in the framework's countries and period linked to none of its outputs, by lead organisation. */
  unlinkedActivities: { organisation: string; activities: number }[];
  linkedJointProgrammes: number;
  unlinkedJointProgrammes: { id: string; code: string; title: string }[];
  /** The framework's SDG targets no activity in its countries and period names. */
  sdgTargetsNotServed: string[];
  /** SDG targets activities in its countries and period name that the framework does not. */
  sdgTargetsOutsideFramework: { target: string; activities: number }[];
}

/**
 * Cooperation Framework alignment (issue 5, ARCHITECTURE §6): outcomes and outputs × organisations,
 * what is and is not linked to the framework, outcomes with no activity, one agency only or a
 * funding gap, and SDG targets on one side only. "In scope" is the framework's countries during
 * its period; anonymous callers see only published frameworks, activities and programmes.
 */
@Injectable()
export class FrameworkAlignmentQuery {
  constructor(private readonly db: DataSource) {}

  async alignment(frameworkId: string, viewer: Actor | undefined): Promise<FrameworkAlignment> {
    const [framework] = await this.db.query(
      `SELECT id, code, title, countries, to_char(start_date, 'YYYY-MM-DD') AS "startDate",
              to_char(end_date, 'YYYY-MM-DD') AS "endDate", status
         FROM programming_frameworks WHERE id = $1 AND ($2 OR status = ANY($3))`,
      [frameworkId, seesUnpublished(viewer), [...PUBLISHED_FRAMEWORK_STATUSES]],
    );
    if (!framework) {
      throw new ConcordError('NOT_FOUND', 'FRAMEWORK_NOT_FOUND', `No cooperation framework ${frameworkId}`);
    }
    const results: (FrameworkResult & { sdgTargets: string[] })[] = await this.db.query(
      `SELECT id, kind, code, parent_code AS "parentCode", title, sdg_targets AS "sdgTargets"
         FROM programming_framework_results WHERE framework_id = $1 ORDER BY position, code`,
      [frameworkId],
    );
    const resultIds = results.map((r) => r.id);
    const outputIds = results.filter((r) => r.kind === 'OUTPUT').map((r) => r.id);

    // Activities of the framework's countries during its period, as the viewer may see them.
    const [inScope, scopeParams] = filterActivities(
      this.db
        .getRepository(ActivityRow)
        .createQueryBuilder('a')
        .select('a.id', 'id')
        .addSelect('a.organisation', 'organisation')
        .addSelect('a.framework_output_id', 'output')
        .addSelect('a.sdg_targets', 'sdg_targets')
        .addSelect('a.budget_currency', 'currency')
        .addSelect('a.budget_required', 'required')
        .addSelect('a.budget_available', 'available')
        .addSelect('a.budget_spent', 'spent'),
      { countries: framework.countries, period: { from: framework.startDate, to: framework.endDate } },
      viewer,
    ).getQueryAndParameters();
    const run = <T>(sql: string, extra: unknown[]): Promise<T[]> =>
      this.db.query(`WITH m AS (${inScope}) ${sql}`, [...scopeParams, ...extra]);
    const n = scopeParams.length;
    const programmesVisible = seesUnpublished(viewer) ? 'true' : 'j.published';

    const [activityLinks, budgets, unlinked, programmeLinks, unlinkedProgrammes, targets] = await Promise.all([
      // Linked activities count wherever they are: a link is a statement about the framework.
      this.db.query<ActivityLink[]>(
        `SELECT a.framework_output_id AS "resultId", a.organisation, count(*)::int AS activities
           FROM programming_activities a
          WHERE a.framework_output_id = ANY($1) AND ($2 OR a.published)
          GROUP BY 1, 2`,
        [outputIds, seesUnpublished(viewer)],
      ),
      this.db.query<(OutcomeBudget & { outcome: string })[]>(
        `SELECT outcome.id AS outcome, a.budget_currency AS currency,
                sum(a.budget_required)::text AS required, sum(a.budget_available)::text AS available,
                sum(a.budget_spent)::text AS spent, (sum(a.budget_required) - sum(a.budget_available))::text AS gap
           FROM programming_activities a
           JOIN programming_framework_results output ON output.id = a.framework_output_id
           JOIN programming_framework_results outcome
             ON outcome.framework_id = output.framework_id AND outcome.code = output.parent_code AND outcome.kind = 'OUTCOME'
          WHERE a.framework_output_id = ANY($1) AND ($2 OR a.published) AND a.budget_currency IS NOT NULL
          GROUP BY 1, 2 ORDER BY 2`,
        [outputIds, seesUnpublished(viewer)],
      ),
      run<{ organisation: string; activities: number }>(
        `SELECT organisation, count(*)::int AS activities FROM m
          WHERE output IS NULL OR NOT output = ANY($${n + 1})
          GROUP BY 1 ORDER BY 2 DESC, 1`,
        [outputIds],
      ),
      this.db.query<JointProgrammeLink[]>(
        `SELECT l.result_id AS "resultId", l.jp_id AS "jointProgrammeId",
                array_agg(p.organisation ORDER BY p.position) FILTER (WHERE p.organisation IS NOT NULL) AS organisations
           FROM programming_jp_result_links l
           JOIN programming_joint_programmes j ON j.id = l.jp_id
           LEFT JOIN programming_jp_participants p ON p.jp_id = l.jp_id
          WHERE l.result_id = ANY($1) AND ${programmesVisible}
          GROUP BY 1, 2`,
        [resultIds],
      ),
      this.db.query<{ id: string; code: string; title: string }[]>(
        `SELECT j.id, j.code, j.title FROM programming_joint_programmes j
          WHERE j.countries && $1 AND ${programmesVisible}
            AND (j.start_date IS NULL OR j.start_date <= $3) AND (j.end_date IS NULL OR j.end_date >= $2)
            AND j.status NOT IN ('REJECTED', 'CANCELLED')
            AND NOT EXISTS (SELECT 1 FROM programming_jp_result_links l WHERE l.jp_id = j.id AND l.result_id = ANY($4))
          ORDER BY j.code`,
        [framework.countries, framework.startDate, framework.endDate, resultIds],
      ),
      run<{ target: string; activities: number }>(
        `SELECT target, count(*)::int AS activities FROM m CROSS JOIN LATERAL unnest(m.sdg_targets) target GROUP BY 1`,
        [],
      ),
    ]);

    const frameworkTargets = new Set(results.flatMap((r) => r.sdgTargets));
    const served = new Set(targets.map((t) => t.target));
    const outcomes = outcomeCoverage(results, activityLinks, programmeLinks).map((outcome) => {
      const money = budgets.filter((b) => b.outcome === outcome.id).map(({ outcome: _, ...b }) => b);
      return { ...outcome, budgets: money, fundingGap: money.some((b) => Number(b.gap) > 0) };
    });
    return {
      framework,
      outcomes,
      linkedActivities: activityLinks.reduce((sum, l) => sum + l.activities, 0),
      unlinkedActivities: unlinked,
      linkedJointProgrammes: new Set(programmeLinks.map((l) => l.jointProgrammeId)).size,
      unlinkedJointProgrammes: unlinkedProgrammes,
      sdgTargetsNotServed: [...frameworkTargets].filter((t) => !served.has(t)).sort(bySdgTarget),
      sdgTargetsOutsideFramework: targets
        .filter((t) => !frameworkTargets.has(t.target))
        .sort((a, b) => bySdgTarget(a.target, b.target)),
    };
  }
}
