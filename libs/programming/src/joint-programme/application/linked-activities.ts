import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LinkedActivityDates, LinkedActivitySpan } from '../domain/joint-programme.commands';

/**
 * Reads, for the "activity within its programme's period" rule seen from the programme, the linked
 * activities that reach furthest out. The rule spans two aggregates, so the handler looks them up
 * in the activities' read model and the decider checks the new period against them (as
 * JointProgrammePeriods does the other way round).
 */
@Injectable()
export class LinkedActivities {
  constructor(private readonly db: DataSource) {}

  async spanOf(jointProgrammeId: string): Promise<LinkedActivitySpan | undefined> {
    const select = `SELECT id, title, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end"
                      FROM programming_activities WHERE joint_programme_id = $1`;
    const rows: LinkedActivityDates[] = await this.db.query(
      `(${select} ORDER BY start_date, id LIMIT 1) UNION ALL (${select} ORDER BY end_date DESC, id LIMIT 1)`,
      [jointProgrammeId],
    );
    return rows.length === 2 ? { earliest: rows[0], latest: rows[1] } : undefined;
  }
}
