import { ConcordError } from '@concord/kernel';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JointProgrammePeriod } from '../domain/activity.events';

/**
 * Reads a joint programme's period for the "activity within its JP's period" rule. The rule
 * spans two aggregates, so the handler looks the period up in the joint programmes' read model
 * and the decider checks it. The read model may lag a programme drafted a moment ago; that only
 * delays a link, it never lets a wrong one through.
 */
@Injectable()
export class JointProgrammePeriods {
  constructor(private readonly db: DataSource) {}

  /** The programme's period (a bound it has not set yet is left out); NOT_FOUND when there is no such programme. */
  async of(jointProgrammeId: string): Promise<JointProgrammePeriod> {
    const [row] = await this.db.query(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
         FROM programming_joint_programmes WHERE id = $1`,
      [jointProgrammeId],
    );
    if (!row) {
      throw new ConcordError('NOT_FOUND', 'JOINT_PROGRAMME_NOT_FOUND', `No joint programme ${jointProgrammeId}`, [
        { path: 'jointProgrammeId', value: jointProgrammeId, message: 'no such joint programme' },
      ]);
    }
    return { start: row.start_date ?? undefined, end: row.end_date ?? undefined };
  }

  /** The programme an activity is linked to in the read models, with its current period. */
  async linkedTo(activityId: string): Promise<{ id: string; period: JointProgrammePeriod } | undefined> {
    const [row] = await this.db.query(
      `SELECT j.id, to_char(j.start_date, 'YYYY-MM-DD') AS start_date, to_char(j.end_date, 'YYYY-MM-DD') AS end_date
         FROM programming_activities a JOIN programming_joint_programmes j ON j.id = a.joint_programme_id
        WHERE a.id = $1`,
      [activityId],
    );
    return row && { id: row.id, period: { start: row.start_date ?? undefined, end: row.end_date ?? undefined } };
  }
}
