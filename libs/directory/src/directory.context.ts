import type { BoundedContext } from '@concord/platform';
import { DirectoryModule } from './directory.module';
import { DirectoryOrganisations1763900001000 } from './migrations/1763900001000-directory-organisations';
import { ORGANISATION_STREAM } from './organisation/domain/organisation.aggregate';
import { organisationProjection } from './organisation/read-model/organisation.projection';
import { MandateRow, OrganisationRow, PresenceRow } from './organisation/read-model/organisation.rows';

/** Organisations, mandates and country presence (coordination bodies and focal points to come). */
export const directoryContext: BoundedContext = {
  name: 'directory',
  streams: [{ streamType: ORGANISATION_STREAM, context: 'directory' }],
  entities: [OrganisationRow, MandateRow, PresenceRow],
  migrations: [DirectoryOrganisations1763900001000],
  projections: [organisationProjection],
  module: DirectoryModule,
};
