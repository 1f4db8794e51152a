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
}
