import type { BoundedContext } from '@concord/platform';
import { ReferenceModule } from './reference.module';

/** Read-only code lists served over GraphQL; no events, no tables. */
export const referenceContext: BoundedContext = {
  name: 'reference',
  streams: [],
  entities: [],
  migrations: [],
  projections: [],
  module: ReferenceModule,
};
