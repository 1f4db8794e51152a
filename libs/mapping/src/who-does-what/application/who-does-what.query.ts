import type { Actor } from '@concord/kernel';
import { ActivityRow, filterActivities, type ActivityFilter } from '@concord/programming';
import { GUARANTEES } from '@concord/reference';
import { ACTIVITY_ACTORS } from '../../scope/application/activity-actors';
import { scopedFilter, type MappingScope } from '../../scope/application/mapping-scope';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorMatrix, type ActorCell, type ActorCount, type ActorMatrix } from '../domain/actor-matrix';

export type WhoDoesWhatFilter = Omit<ActivityFilter, 'country' | 'countries' | 'jointProgrammeId' | 'text'>;

/** Money of one currency; activities whose budget mixes currencies are counted but not summed. */
export interface BudgetTotal {
  currency: string;
  required: string | null;
  available: string | null;
  spent: string | null;
}

export interface AreaCell {
  /** Null for activities that name no policy area. */
  policyArea: string | null;
  organisation: string;
  activities: number;
  jointProgrammes: number;
  budgets: BudgetTotal[];
}

export interface PlaceCell {
  country: string;
  /** Null for activities that name no sub-national area (national in scope, or not said). */
  area: string | null;
  organisation: string;
  activities: number;
}

export interface MandateWithoutActivity {
  organisation: string;
  kind: 'POLICY_AREA' | 'GUARANTEE';
  code: string;
  level: string;
}

export interface ActivityWithoutMandate {
  organisation: string;
  kind: 'POLICY_AREA' | 'GUARANTEE';
  code: string;
  activities: number;
}

export interface WhoDoesWhat {
  scope: { country: string | null; region: string | null; countries: number | null };
  activities: number;
  organisations: string[];
  jointProgrammes: number;
  budgets: BudgetTotal[];
  byPolicyArea: AreaCell[];
  bySubnationalArea: PlaceCell[];
  actorMatrix: ActorMatrix;
  mandatesWithoutActivity: MandateWithoutActivity[];
  activitiesWithoutMandate: ActivityWithoutMandate[];
}

/** A list column, or one null for an empty list, so an activity naming none still counts. */
const orNone = (column: string) =>
  `unnest(CASE WHEN cardinality(${column}) = 0 THEN ARRAY[NULL]::text[] ELSE ${column} END)`;

/** Stages with IMPLEMENTATION added when only an implementation sub-stage is named. */
const STAGES_ROLLED_UP = `(m.stages || CASE
    WHEN 'IMPLEMENTATION' <> ALL(m.stages) AND EXISTS (SELECT 1 FROM unnest(m.stages) s WHERE s LIKE 'IMPLEMENTATION\\_%')
    THEN ARRAY['IMPLEMENTATION'] ELSE '{}'::text[] END)`;

const MANDATE_KINDS = [
  { kind: 'POLICY_AREA', column: 'policy_areas' },
  { kind: 'GUARANTEE', column: 'guarantees' },
] as const;

/**
 * Who does what (issue 5, ARCHITECTURE §6), computed in SQL over the activities read model: the
 * filter becomes one materialized CTE of matching activities, and each view one GROUP BY over it.
 */
@Injectable()
export class WhoDoesWhatQuery {
  constructor(private readonly db: DataSource) {}

  async whoDoesWhat(scope: MappingScope, filter: WhoDoesWhatFilter, viewer: Actor | undefined): Promise<WhoDoesWhat> {
    const scoped = scopedFilter(scope);
    const matching = filterActivities(
      this.db
        .getRepository(ActivityRow)
        .createQueryBuilder('a')
        .select('a.id', 'id')
        .addSelect('a.organisation', 'organisation')
        .addSelect('a.country', 'country')
        .addSelect('a.policy_areas', 'policy_areas')
        .addSelect('a.guarantees', 'guarantees')
        .addSelect('a.stages', 'stages')
        .addSelect('a.areas', 'areas')
        .addSelect('a.joint_programme_id', 'joint_programme_id')
        .addSelect('a.budget_currency', 'budget_currency')
        .addSelect('a.budget_required', 'budget_required')
        .addSelect('a.budget_available', 'budget_available')
        .addSelect('a.budget_spent', 'budget_spent')
        .addSelect(ACTIVITY_ACTORS, 'actors'),
      { ...filter, ...scoped.filter },
      viewer,
    );
    const [cte, params] = matching.getQueryAndParameters();
    const countriesParam = `$${params.length + 1}`;
    // One statement: the matching activities are computed once (MATERIALIZED) and every view is
    // aggregated from them, as JSON, in one round trip.
    const views: Record<string, string> = {
      // Three scans of m: cheaper than three DISTINCTs over m joined with its actors.
      totals: `SELECT (SELECT count(*) FROM m)::int AS activities,
                      coalesce((SELECT array_agg(DISTINCT actor) FROM m CROSS JOIN LATERAL unnest(m.actors) actor), '{}')
                        AS organisations,
                      (SELECT count(DISTINCT m.joint_programme_id) FROM m)::int AS "jointProgrammes"`,
      budgets: `SELECT ${BUDGET_SUMS} FROM m WHERE m.budget_currency IS NOT NULL GROUP BY m.budget_currency ORDER BY 1`,
      areas: `SELECT area AS "policyArea", m.organisation, GROUPING(m.budget_currency)::int AS total,
                     count(*)::int AS activities, count(DISTINCT m.joint_programme_id)::int AS "jointProgrammes", ${BUDGET_SUMS}
                FROM m CROSS JOIN LATERAL ${orNone('m.policy_areas')} area
               GROUP BY GROUPING SETS ((area, m.organisation), (area, m.organisation, m.budget_currency))`,
      places: `SELECT m.country, place AS area, m.organisation, count(*)::int AS activities
                 FROM m CROSS JOIN LATERAL ${orNone('m.areas')} place
                GROUP BY m.country, place, m.organisation
                ORDER BY m.country, place NULLS LAST, activities DESC, m.organisation`,
      actorCells: `SELECT g AS guarantee, s AS stage, actor AS organisation, count(*)::int AS activities
                     FROM m CROSS JOIN LATERAL unnest(m.guarantees) g CROSS JOIN LATERAL unnest(${STAGES_ROLLED_UP}) s
                          CROSS JOIN LATERAL unnest(m.actors) actor
                    GROUP BY g, s, actor`,
      unplaced: `SELECT actor AS organisation, count(*)::int AS activities FROM m CROSS JOIN LATERAL unnest(m.actors) actor
                  WHERE cardinality(m.guarantees) = 0 OR cardinality(m.stages) = 0 GROUP BY actor`,
      idle: `SELECT o.code AS organisation, d.area_kind AS kind, d.area_code AS code, d.level
               FROM directory_mandates d JOIN directory_organisations o ON o.id = d.organisation_id
              WHERE d.area_kind IN ('POLICY_AREA', 'GUARANTEE')
                AND (${countriesParam}::text[] IS NULL OR EXISTS (
                     SELECT 1 FROM directory_presences pr WHERE pr.organisation_id = o.id AND pr.country = ANY(${countriesParam}::text[])))
                AND NOT EXISTS (
                     SELECT 1 FROM m WHERE o.code = ANY(m.actors)
                        AND CASE d.area_kind WHEN 'POLICY_AREA' THEN d.area_code = ANY(m.policy_areas) ELSE d.area_code = ANY(m.guarantees) END)
              ORDER BY o.code, d.area_kind, d.area_code`,
      unmandated:
        MANDATE_KINDS.map(
          ({ kind, column }) =>
            `SELECT m.organisation, '${kind}' AS kind, worked AS code, count(*)::int AS activities
               FROM m CROSS JOIN LATERAL unnest(m.${column}) worked JOIN directory_organisations o ON o.code = m.organisation
              WHERE EXISTS (SELECT 1 FROM directory_mandates d WHERE d.organisation_id = o.id AND d.area_kind = '${kind}')
                AND NOT EXISTS (SELECT 1 FROM directory_mandates d
                                 WHERE d.organisation_id = o.id AND d.area_kind = '${kind}' AND d.area_code = worked)
              GROUP BY m.organisation, worked`,
        ).join(' UNION ALL ') + ' ORDER BY organisation, kind, code',
    };
    const [answer]: [Views] = await this.db.query(
      `WITH m AS MATERIALIZED (${cte}) SELECT ${Object.entries(views)
        .map(([name, sql]) => `(SELECT coalesce(json_agg(v), '[]'::json) FROM (${sql}) v) AS "${name}"`)
        .join(', ')}`,
      [...params, scoped.countries ?? null],
    );
    const { totals, budgets, areas, places, actorCells, unplaced, idle, unmandated } = answer;
    return {
      scope: {
        country: scope.country ?? null,
        region: scope.region ?? null,
        countries: scope.region ? scoped.countries!.length : null,
      },
      activities: totals[0].activities,
      organisations: [...totals[0].organisations].sort(),
      jointProgrammes: totals[0].jointProgrammes,
      budgets,
      byPolicyArea: areaCells(areas),
      bySubnationalArea: places,
      actorMatrix: actorMatrix(
        actorCells,
        GUARANTEES.map((g) => g.code),
        unplaced,
      ),
      mandatesWithoutActivity: idle,
      activitiesWithoutMandate: unmandated,
    };
  }
}

/** The statement's one row: each view as a JSON array of its rows. */
interface Views {
  totals: { activities: number; organisations: string[]; jointProgrammes: number }[];
  budgets: BudgetTotal[];
  areas: AreaRow[];
  places: PlaceCell[];
  actorCells: ActorCell[];
  unplaced: ActorCount[];
  idle: MandateWithoutActivity[];
  unmandated: ActivityWithoutMandate[];
}

const BUDGET_SUMS = `m.budget_currency AS currency, sum(m.budget_required)::text AS required,
  sum(m.budget_available)::text AS available, sum(m.budget_spent)::text AS spent`;

/** A row of the area statement: a cell's counts (total = 1), or its money in one currency. */
interface AreaRow extends BudgetTotal {
  policyArea: string | null;
  organisation: string;
  total: number;
  activities: number;
  jointProgrammes: number;
}

function areaCells(rows: AreaRow[]): AreaCell[] {
  const cells = new Map<string, AreaCell>();
  const key = (r: AreaRow) => `${r.policyArea}|${r.organisation}`;
  for (const r of rows.filter((row) => row.total === 1)) {
    cells.set(key(r), {
      policyArea: r.policyArea,
      organisation: r.organisation,
      activities: r.activities,
      jointProgrammes: r.jointProgrammes,
      budgets: [],
    });
  }
  for (const r of rows.filter((row) => row.total === 0 && row.currency !== null)) {
    const { currency, required, available, spent } = r;
    cells.get(key(r))!.budgets.push({ currency, required, available, spent });
  }
  return [...cells.values()].sort(
    (a, b) =>
      (a.policyArea ?? '~').localeCompare(b.policyArea ?? '~') ||
      b.activities - a.activities ||
      a.organisation.localeCompare(b.organisation),
  );
}
