import { ConcordError, type Actor } from '@concord/kernel';
import { PUBLISHED_FRAMEWORK_STATUSES, seesUnpublished } from '@concord/programming';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  assembleReport,
  reportPeriod,
  type ActivityMarkerFacts,
  type BudgetFacts,
  type ContributionFacts,
  type JointProgrammeReport,
  type ParticipantFacts,
  type ProgrammeFacts,
  type ReportFacts,
  type ResultFacts,
} from '../domain/joint-programme-report';

/**
 * A joint programme's progress report for a period, read from the programming, funding and
 * directory read models and assembled by `assembleReport`. Visibility as JointProgrammeQueries
 * and ADR 0007: anonymous callers see published programmes only, and within one the published
 * linked activities, the results of ACTIVE or CLOSED frameworks, and no contribution amounts
 * (contributions need sign-in, docs/funding.md).
 */
@Injectable()
export class JointProgrammeReportQuery {
  constructor(private readonly db: DataSource) {}

  /** `idOrCode` is the programme's id or its code (JP-KHM). */
  async report(
    idOrCode: string,
    periodCode: string | undefined,
    viewer: Actor | undefined,
  ): Promise<JointProgrammeReport> {
    const period = reportPeriod(periodCode);
    const signedIn = seesUnpublished(viewer);
    const programme = await this.programme(idOrCode, signedIn);
    const report = await this.periodReport(programme, period.code);
    const [participants, budgets, contributions, results, activityMarkers] = await Promise.all([
      this.db.query<ParticipantFacts[]>(
        `SELECT organisation, role, CASE WHEN budget_share IS NULL THEN NULL ELSE trim_scale(budget_share)::text END AS "budgetShare"
           FROM programming_jp_participants WHERE jp_id = $1 ORDER BY position`,
        [programme.id],
      ),
      // Budget lines are by year: a half or a quarter is reported against its year's budget.
      this.db.query<BudgetFacts[]>(
        `SELECT a.organisation, line->>'currency' AS currency,
                sum((line->>'required')::numeric)::text AS required, sum((line->>'available')::numeric)::text AS available
           FROM programming_activities a CROSS JOIN LATERAL jsonb_array_elements(a.budget) line
          WHERE a.joint_programme_id = $1 AND ($2 OR a.published) AND (line->>'year')::int = $3
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [programme.id, signedIn, period.year],
      ),
      signedIn ? this.contributions(programme.id, period.end) : null,
      this.db.query<ResultFacts[]>(
        `SELECT r.framework_code AS "frameworkCode", r.code, r.kind, r.title, r.sdg_targets AS "sdgTargets", r.indicators
           FROM programming_jp_result_links l
           JOIN programming_framework_results r ON r.id = l.result_id
           JOIN programming_frameworks f ON f.id = r.framework_id
          WHERE l.jp_id = $1 AND ($2 OR f.status = ANY($3))
          ORDER BY r.framework_code, r.position, r.code`,
        [programme.id, signedIn, [...PUBLISHED_FRAMEWORK_STATUSES]],
      ),
      this.db.query<ActivityMarkerFacts[]>(
        `SELECT id, title, organisation, gender_marker AS "genderMarker", human_rights_marker AS "humanRightsMarker"
           FROM programming_activities
          WHERE joint_programme_id = $1 AND ($2 OR published) AND start_date <= $4 AND end_date >= $3
            AND (gender_marker IS NOT NULL OR human_rights_marker IS NOT NULL)
          ORDER BY organisation, id`,
        [programme.id, signedIn, period.start, period.end],
      ),
    ]);
    const named = [
      programme.leadOrganisation,
      ...participants.map((p) => p.organisation),
      ...budgets.map((b) => b.organisation),
      ...report.expenditure.map((e) => e.organisation),
      ...report.narrative.map((n) => n.organisation),
    ].filter((code): code is string => code !== null);
    const names: { code: string; name: string }[] = await this.db.query(
      `SELECT code, name FROM directory_organisations WHERE code = ANY($1)`,
      [[...new Set(named)]],
    );
    return assembleReport({
      programme,
      period,
      report,
      participants,
      organisationNames: Object.fromEntries(names.map((n) => [n.code, n.name])),
      budgets,
      contributions,
      results,
      activityMarkers,
    });
  }

  /** By id, else by code; a programme the caller may not see is as absent as one that does not exist. */
  private async programme(idOrCode: string, signedIn: boolean): Promise<ProgrammeFacts> {
    const [programme] = await this.db.query<ProgrammeFacts[]>(
      `SELECT id, code, title, countries, status,
              to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate",
              lead_organisation AS "leadOrganisation", counterparts, funding_sources AS "fundingSources",
              sdg_targets AS "sdgTargets", gender_marker AS "genderMarker"
         FROM programming_joint_programmes
        WHERE (id = $1 OR code = $1) AND ($2 OR published)
        ORDER BY id = $1 DESC LIMIT 1`,
      [idOrCode, signedIn],
    );
    if (!programme) {
      throw new ConcordError('NOT_FOUND', 'JOINT_PROGRAMME_NOT_FOUND', `No joint programme ${idOrCode}`);
    }
    return programme;
  }

  private async periodReport(programme: ProgrammeFacts, period: string): Promise<ReportFacts> {
    const reports: (ReportFacts & { period: string })[] = await this.db.query(
      `SELECT period, actuals, expenditure, narrative, revision,
              to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reportedAt",
              to_char(revised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "revisedAt"
         FROM programming_jp_reports WHERE jp_id = $1 ORDER BY period`,
      [programme.id],
    );
    const report = reports.find((r) => r.period === period);
    if (!report) {
      const reported = reports.length ? `reported periods: ${reports.map((r) => r.period).join(', ')}` : 'none yet';
      throw new ConcordError(
        'NOT_FOUND',
        'REPORT_NOT_FOUND',
        `No progress report of ${programme.code} for ${period} (${reported})`,
      );
    }
    return report;
  }

  /** Incoming commitments and funds of the contributions to the programme, up to the period's end. */
  private contributions(jointProgrammeId: string, until: string): Promise<ContributionFacts[]> {
    return this.db.query(
      `SELECT c.donor, coalesce(o.name, fund.name) AS "donorName", c.currency,
              coalesce(sum(t.amount) FILTER (WHERE t.type = 'INCOMING_COMMITMENT'), 0)::text AS committed,
              coalesce(sum(t.amount) FILTER (WHERE t.type = 'INCOMING_FUNDS'), 0)::text AS received
         FROM funding_contributions c
         LEFT JOIN funding_transactions t ON t.contribution_id = c.id AND t.value_date <= $2
         LEFT JOIN directory_organisations o ON o.code = c.donor
         LEFT JOIN funding_funds fund ON fund.code = c.donor
        WHERE c.joint_programme_id = $1
        GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      [jointProgrammeId, until],
    );
  }
}
