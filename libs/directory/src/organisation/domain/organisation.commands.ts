import type { LocalisedNames, MandateArea, MandateLevel, Residency } from './organisation.events';

/** Everything one can ask of an organisation. */
export type OrganisationCommand =
  | {
      type: 'RegisterOrganisation';
      data: { code: string; name: string; names?: LocalisedNames; type: string; iatiOrgId?: string; parentId?: string };
    }
  | { type: 'RenameOrganisation'; data: { name: string; names?: LocalisedNames } }
  | { type: 'DeclareMandate'; data: { area: MandateArea; level: MandateLevel } }
  | { type: 'WithdrawMandate'; data: { area: MandateArea } }
  | { type: 'EstablishCountryPresence'; data: { country: string; residency: Residency; office?: string } }
  | { type: 'CloseCountryPresence'; data: { country: string } };
