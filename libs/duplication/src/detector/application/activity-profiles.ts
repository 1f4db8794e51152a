import type { DataSource } from 'typeorm';
import type { ActivityProfile } from '../domain/activity-profile';
import type { Blockable } from '../domain/candidate-pairs';
import { fold } from '../domain/pair-signals';

interface ActivityProfileRow {
  id: string;
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  organisation: string;
  partner_organisations: string[];
  country: string;
  areas: string[];
  policy_areas: string[];
  guarantees: string[];
  functions: string[];
  target_groups: string[];
  counterparts: string[];
  start_date: string;
  end_date: string;
  budget_currency: string | null;
  budget_required: string | null;
  joint_programme_id: string | null;
  external_ids: { system: string; id: string }[];
}

export interface ProfiledActivity {
  profile: ActivityProfile;
  /** The ids other systems (an import file, IATI) know it by. */
  externalIds: { system: string; id: string }[];
}

const COLUMNS = `id, titles, descriptions, organisation, partner_organisations, country, areas, policy_areas, guarantees,
  functions, target_groups, counterparts, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, budget_currency, budget_required::text AS budget_required,
  joint_programme_id, external_ids`;

const profiled = (row: ActivityProfileRow): ProfiledActivity => ({
  externalIds: row.external_ids,
  profile: {
    id: row.id,
    titles: Object.values(row.titles),
    descriptions: Object.values(row.descriptions),
    organisation: row.organisation,
    partners: row.partner_organisations,
    country: row.country,
    areas: row.areas,
    policyAreas: row.policy_areas,
    guarantees: row.guarantees,
    functions: row.functions,
    targetGroups: row.target_groups,
    counterparts: row.counterparts,
    start: row.start_date,
    end: row.end_date,
    budget:
      row.budget_currency && row.budget_required
        ? { currency: row.budget_currency, amount: row.budget_required }
        : null,
    jointProgramme: row.joint_programme_id,
  },
});

/** Every activity of the read model as the detector sees it, whatever its status: a record entered twice is a duplicate even once cancelled. */
export async function activityProfiles(db: DataSource): Promise<ProfiledActivity[]> {
  const rows: ActivityProfileRow[] = await db.query(`SELECT ${COLUMNS} FROM programming_activities ORDER BY id`);
  return rows.map(profiled);
}

/** The activities with these ids, those that exist. */
export async function activityProfilesByIds(db: DataSource, ids: readonly string[]): Promise<ActivityProfile[]> {
  const rows: ActivityProfileRow[] = await db.query(
    `SELECT ${COLUMNS} FROM programming_activities WHERE id = ANY($1) ORDER BY id`,
    [ids],
  );
  return rows.map((row) => profiled(row).profile);
}

/**
 * What blocking reads (candidate-pairs.ts) of a country's activities that start by `until`: enough
 * to pick a changed activity's neighbours without reading the activities themselves.
 */
export async function blockingRows(db: DataSource, country: string, until: string): Promise<Blockable[]> {
  // Days and JSON rather than dates and arrays: a crowded country has hundreds of rows to parse.
  const rows: {
    id: string;
    start_day: number;
    end_day: number;
    functions: string[];
    guarantees: string[];
    policy_areas: string[];
    areas: string[];
  }[] = await db.query(
    `SELECT id, start_date - date '1970-01-01' AS start_day, end_date - date '1970-01-01' AS end_day,
            to_json(functions) AS functions, to_json(guarantees) AS guarantees,
            to_json(policy_areas) AS policy_areas, to_json(areas) AS areas
       FROM programming_activities WHERE country = $1 AND start_date <= $2::date`,
    [country, until],
  );
  return rows.map((row) => ({
    profile: { id: row.id, country },
    functions: new Set(row.functions),
    guarantees: new Set(row.guarantees),
    policyAreas: new Set(row.policy_areas),
    areas: new Set(row.areas.map(fold)),
    startDay: row.start_day,
    endDay: row.end_day,
  }));
}
