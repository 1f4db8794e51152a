import type { BoundedContext } from '@concord/platform';
import { ProgrammingModule } from './programming.module';

/** Cooperation frameworks, joint programmes and activities: who does what, where, when, for whom. */
export const programmingContext: BoundedContext = {
  name: 'programming',
  streams: [],
  entities: [],
  migrations: [],
  projections: [],
  module: ProgrammingModule,
};
