import type { BoundedContext } from '@concord/platform';
import { COORDINATION_BODY_STREAM } from './coordination-body/domain/coordination-body.aggregate';
import { coordinationBodyProjection } from './coordination-body/read-model/coordination-body.projection';
import {
  BodyDivisionRow,
  BodyInteractionRow,
  BodyMemberRow,
  CoordinationBodyRow,
} from './coordination-body/read-model/coordination-body.rows';
import { DirectoryModule } from './directory.module';
import { FOCAL_POINT_STREAM } from './focal-point/domain/focal-point.aggregate';
import { focalPointProjection } from './focal-point/read-model/focal-point.projection';
import { FocalPointRow } from './focal-point/read-model/focal-point.rows';
import { DirectoryOrganisations1763900001000 } from './migrations/1763900001000-directory-organisations';
import { DirectoryCoordinationBodies1763900005000 } from './migrations/1763900005000-directory-coordination-bodies';
import { DirectoryFocalPoints1763900006000 } from './migrations/1763900006000-directory-focal-points';
import { ORGANISATION_STREAM } from './organisation/domain/organisation.aggregate';
import { organisationProjection } from './organisation/read-model/organisation.projection';
import { MandateRow, OrganisationRow, PresenceRow } from './organisation/read-model/organisation.rows';

/** Organisations, mandates and country presence; coordination bodies; focal points. */
export const directoryContext: BoundedContext = {
  name: 'directory',
  streams: [
    { streamType: ORGANISATION_STREAM, context: 'directory' },
    { streamType: COORDINATION_BODY_STREAM, context: 'directory' },
    { streamType: FOCAL_POINT_STREAM, context: 'directory' },
  ],
  entities: [
    OrganisationRow,
    MandateRow,
    PresenceRow,
    CoordinationBodyRow,
    BodyMemberRow,
    BodyInteractionRow,
    BodyDivisionRow,
    FocalPointRow,
  ],
  migrations: [
    DirectoryOrganisations1763900001000,
    DirectoryCoordinationBodies1763900005000,
    DirectoryFocalPoints1763900006000,
  ],
  projections: [organisationProjection, coordinationBodyProjection, focalPointProjection],
  module: DirectoryModule,
};
