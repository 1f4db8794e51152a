import type { DataSource } from 'typeorm';
import type { ActivityProfile } from '../domain/activity-profile';

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

/** Every activity of the read model as the detector sees it, whatever its status: a record entered twice is a duplicate even once cancelled. */
export async function activityProfiles(db: DataSource): Promise<ProfiledActivity[]> {
  const rows: ActivityProfileRow[] = await db.query(
    `SELECT id, titles, descriptions, organisation, partner_organisations, country, areas, policy_areas, guarantees,
            functions, target_groups, counterparts, to_char(start_date, 'YYYY-MM-DD') AS start_date,
            to_char(end_date, 'YYYY-MM-DD') AS end_date, budget_currency, budget_required::text AS budget_required,
            joint_programme_id, external_ids
       FROM programming_activities ORDER BY id`,
  );
  return rows.map((row) => ({
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
  }));
}
