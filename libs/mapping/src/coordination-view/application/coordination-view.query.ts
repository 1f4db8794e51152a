import type { Actor } from '@concord/kernel';
import { ActivityRow, filterActivities } from '@concord/programming';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVITY_ACTORS } from '../../scope/application/activity-actors';
import { scopedFilter } from '../../scope/application/mapping-scope';

export interface BodySeat {
  id: string;
  name: string;
  kind: string;
  members: { organisation: string; chair: boolean; since: string }[];
}

export interface CoordinationView {
  country: string;
  bodies: BodySeat[];
  /** Working groups on social protection in the country (kind SP_WORKING_GROUP). */
  workingGroups: number;
  /** Organisations with social protection activities in the country that sit in none of its working groups. */
  absentFromWorkingGroup: { organisation: string; activities: number }[];
  /** The latest level recorded for each pair of stakeholders in the country's bodies. */
  interactions: { organisations: string[]; level: string; body: string; recordedAt: string }[];
}

/**
 * The coordination bodies of a country (issue 5, item 4): who sits in which body, who works on
 * social protection there but is absent from its working group, and how pairs of stakeholders
 * interact (document 001: silos → information sharing → policy alignment → cooperation). Bodies
 * are public; the activities counted follow publication (ADR 0007).
 */
@Injectable()
export class CoordinationViewQuery {
  constructor(private readonly db: DataSource) {}

  async view(country: string, viewer: Actor | undefined): Promise<CoordinationView> {
    const scope = scopedFilter({ country }).filter;
    const [actors, params] = filterActivities(
      this.db.getRepository(ActivityRow).createQueryBuilder('a').select(ACTIVITY_ACTORS, 'actors'),
      scope,
      viewer,
    ).getQueryAndParameters();
    const c = `$${params.length + 1}`;
    const [answer]: [
      {
        bodies: BodySeat[];
        absent: CoordinationView['absentFromWorkingGroup'];
        interactions: CoordinationView['interactions'];
        groups: number;
      },
    ] = await this.db.query(
      `WITH m AS MATERIALIZED (${actors}),
              bodies AS (SELECT * FROM directory_coordination_bodies WHERE country = ${c} AND status = 'ACTIVE')
         SELECT
           (SELECT coalesce(json_agg(b ORDER BY b.kind, b.name), '[]'::json) FROM (
              SELECT b.id, b.name, b.kind,
                     coalesce((SELECT json_agg(json_build_object('organisation', mb.organisation, 'chair', mb.is_chair,
                                 'since', to_char(mb.since, 'YYYY-MM-DD')) ORDER BY mb.is_chair DESC, mb.organisation)
                                 FROM directory_body_members mb WHERE mb.body_id = b.id), '[]'::json) AS members
                FROM bodies b) b) AS bodies,
           (SELECT count(*)::int FROM bodies WHERE kind = 'SP_WORKING_GROUP') AS groups,
           (SELECT coalesce(json_agg(x ORDER BY x.activities DESC, x.organisation), '[]'::json) FROM (
              SELECT actor AS organisation, count(*)::int AS activities
                FROM m CROSS JOIN LATERAL unnest(m.actors) actor
               WHERE NOT EXISTS (SELECT 1 FROM bodies b JOIN directory_body_members mb ON mb.body_id = b.id
                                  WHERE b.kind = 'SP_WORKING_GROUP' AND mb.organisation = actor)
               GROUP BY actor) x) AS absent,
           (SELECT coalesce(json_agg(i ORDER BY i.organisations), '[]'::json) FROM (
              SELECT DISTINCT ON (least(bi.org_a, bi.org_b), greatest(bi.org_a, bi.org_b))
                     ARRAY[least(bi.org_a, bi.org_b), greatest(bi.org_a, bi.org_b)] AS organisations,
                     bi.level, b.name AS body, bi.recorded_at AS "recordedAt"
                FROM directory_body_interactions bi JOIN bodies b ON b.id = bi.body_id
               ORDER BY least(bi.org_a, bi.org_b), greatest(bi.org_a, bi.org_b), bi.recorded_at DESC) i) AS interactions`,
      [...params, country],
    );
    return {
      country,
      bodies: answer.bodies,
      workingGroups: answer.groups,
      absentFromWorkingGroup: answer.absent,
      interactions: answer.interactions,
    };
  }
}
