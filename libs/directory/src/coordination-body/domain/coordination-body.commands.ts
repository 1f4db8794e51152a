import type { InteractionLevel } from '@concord/reference';
import type { LocalisedNames } from '../../organisation/domain/organisation.events';
import type { BodyKind, BodyScope, Cadence } from './coordination-body.events';

/** Everything one can ask of a coordination body. Organisations are named by their directory code. */
export type CoordinationBodyCommand =
  | {
      type: 'EstablishCoordinationBody';
      data: BodyScope & { name: string; names?: LocalisedNames; kind: BodyKind; cadence?: Cadence };
    }
  | { type: 'RenameCoordinationBody'; data: { name: string; names?: LocalisedNames } }
  /** `since` is an ISO date; today when omitted. */
  | { type: 'AdmitMember'; data: { organisation: string; since?: string } }
  | { type: 'RemoveMember'; data: { organisation: string } }
  | { type: 'AppointChair'; data: { organisation: string } }
  | { type: 'RelieveChair'; data: { organisation: string } }
  /** Each given field replaces the current one; at least one must be given. */
  | { type: 'SetTermsOfReference'; data: { text?: string; url?: string; cadence?: Cadence } }
  | { type: 'RecordInteractionLevel'; data: { a: string; b: string; level: InteractionLevel } }
  | { type: 'RecordDivisionOfLabour'; data: { organisations: string[]; topic: string; note?: string } }
  /** `on` is an ISO date; today when omitted. */
  | { type: 'Dissolve'; data: { on?: string } };
