import type { BoundedContext } from '@concord/platform';
import { ProgrammingModule } from './programming.module';
import { ACTIVITY_STREAM } from './activity/domain/activity.aggregate';
import { activityProjection } from './activity/read-model/activity.projection';
import { ActivityRow } from './activity/read-model/activity.rows';
import { ProgrammingActivities1763900002000 } from './migrations/1763900002000-programming-activities';
import { COOPERATION_FRAMEWORK_STREAM } from './cooperation-framework/domain/cooperation-framework.aggregate';
import { cooperationFrameworkProjection } from './cooperation-framework/read-model/cooperation-framework.projection';
import {
  CooperationFrameworkRow,
  FrameworkResultRow,
} from './cooperation-framework/read-model/cooperation-framework.rows';
import { JOINT_PROGRAMME_STREAM } from './joint-programme/domain/joint-programme.aggregate';
import { jointProgrammeProjection } from './joint-programme/read-model/joint-programme.projection';
import {
  JointProgrammeRow,
  JpParticipantRow,
  JpReportRow,
  JpResultLinkRow,
} from './joint-programme/read-model/joint-programme.rows';
import { ProgrammingFrameworks1763900003000 } from './migrations/1763900003000-programming-frameworks';
import { ProgrammingJointProgrammes1763900004000 } from './migrations/1763900004000-programming-joint-programmes';
import { ProgrammingPublication1763900007000 } from './migrations/1763900007000-programming-publication';
import { ProgrammingActivityFilterIndex1763900008000 } from './migrations/1763900008000-programming-activity-filter-index';

/** Cooperation frameworks, joint programmes and activities: who does what, where, when, for whom. */
export const programmingContext: BoundedContext = {
  name: 'programming',
  streams: [
    { streamType: COOPERATION_FRAMEWORK_STREAM, context: 'programming' },
    { streamType: JOINT_PROGRAMME_STREAM, context: 'programming' },
    { streamType: ACTIVITY_STREAM, context: 'programming' },
  ],
  entities: [
    CooperationFrameworkRow,
    FrameworkResultRow,
    JointProgrammeRow,
    JpParticipantRow,
    JpResultLinkRow,
    JpReportRow,
    ActivityRow,
  ],
  migrations: [
    ProgrammingActivities1763900002000,
    ProgrammingFrameworks1763900003000,
    ProgrammingJointProgrammes1763900004000,
    ProgrammingPublication1763900007000,
    ProgrammingActivityFilterIndex1763900008000,
  ],
  projections: [cooperationFrameworkProjection, jointProgrammeProjection, activityProjection],
  module: ProgrammingModule,
};
