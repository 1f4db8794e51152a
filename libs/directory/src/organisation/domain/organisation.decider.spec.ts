import { specFor } from '@concord/kernel/testing';
import type { OrganisationCommand } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import type { OrganisationEvent } from './organisation.events';

const given = specFor(organisationDecider);

const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: { code: 'UNICEF', name: 'UNICEF', names: { en: 'UNICEF' }, type: '40', iatiOrgId: 'XM-DAC-41122' },
};
const register = (
  data: Partial<Extract<OrganisationCommand, { type: 'RegisterOrganisation' }>['data']> = {},
): OrganisationCommand => ({
  type: 'RegisterOrganisation',
  data: { code: 'UNICEF', name: 'UNICEF', type: '40', iatiOrgId: 'XM-DAC-41122', ...data },
});
const childBenefitMandate: OrganisationEvent = {
  type: 'MandateDeclared',
  data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'LEAD' },
};
const inCambodia: OrganisationEvent = {
  type: 'CountryPresenceEstablished',
  data: { country: 'KHM', residency: 'RESIDENT', office: 'Phnom Penh' },
};

describe('Organisation registration', () => {
  it('registers with its code, names and IATI identity', () =>
    given()
      .when(register({ names: { fr: 'Fonds des Nations Unies pour l’enfance' } }))
      .then([
        {
          type: 'OrganisationRegistered',
          data: {
            code: 'UNICEF',
            name: 'UNICEF',
            names: { en: 'UNICEF', fr: 'Fonds des Nations Unies pour l’enfance' },
            type: '40',
            iatiOrgId: 'XM-DAC-41122',
            parentId: undefined,
          },
        },
      ]));

  it('trims the name', () =>
    given()
      .when(register({ name: '  World Food Programme ', code: 'WFP', iatiOrgId: undefined }))
      .then([expect.objectContaining({ data: expect.objectContaining({ name: 'World Food Programme' }) })]));

  it('refuses an empty name, naming the field', () =>
    given()
      .when(register({ name: '   ' }))
      .thenThrows('NAME_REQUIRED', /^name: must not be empty/));

  it('refuses an over-long name, saying the limit', () =>
    given()
      .when(register({ name: 'x'.repeat(201) }))
      .thenThrows('NAME_TOO_LONG', /at most 200 characters \(is 201\)/));

  it('refuses a malformed code', () =>
    given()
      .when(register({ code: 'unicef!' }))
      .thenThrows('INVALID_CODE', /^code:/));

  it('refuses an unknown organisation type', () =>
    given()
      .when(register({ type: '999' }))
      .thenThrows('UNKNOWN_CODE', /type: is not an IATI OrganisationType/));

  it('refuses a malformed IATI organisation id', () =>
    given()
      .when(register({ iatiOrgId: 'unicef' }))
      .thenThrows('INVALID_IATI_ORG_ID', /XM-DAC-41122/));

  it('refuses to register the same organisation twice, naming its state', () =>
    given(registered)
      .when(register())
      .thenThrows('INVALID_TRANSITION', /registered; cannot register/));

  it('refuses changes to an organisation that does not exist', () =>
    given()
      .when({ type: 'RenameOrganisation', data: { name: 'X' } })
      .thenThrows('ORGANISATION_NOT_FOUND'));
});

describe('Organisation renaming', () => {
  it('renames, keeping the other languages', () =>
    given({ ...registered, data: { ...registered.data, names: { en: 'UNICEF', fr: 'UNICEF (fr)' } } })
      .when({ type: 'RenameOrganisation', data: { name: 'United Nations Children’s Fund' } })
      .then([
        {
          type: 'OrganisationRenamed',
          data: {
            name: 'United Nations Children’s Fund',
            names: { en: 'United Nations Children’s Fund', fr: 'UNICEF (fr)' },
          },
        },
      ]));

  it('does nothing when the name is unchanged', () =>
    given(registered)
      .when({ type: 'RenameOrganisation', data: { name: 'UNICEF' } })
      .then([]));

  it('refuses an empty Spanish name, naming names.es', () =>
    given(registered)
      .when({ type: 'RenameOrganisation', data: { name: 'UNICEF', names: { es: '' } } })
      .thenThrows('NAME_REQUIRED', /^names\.es/));
});

describe('Mandates', () => {
  it('declares a mandate for a floor guarantee', () =>
    given(registered)
      .when({ type: 'DeclareMandate', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'LEAD' } })
      .then([childBenefitMandate]));

  it('changes the level of a declared mandate, and ignores a repeat', () => {
    given(registered, childBenefitMandate)
      .when({ type: 'DeclareMandate', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'CORE' } })
      .then([{ type: 'MandateDeclared', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'CORE' } }]);
    given(registered, childBenefitMandate)
      .when({ type: 'DeclareMandate', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' }, level: 'LEAD' } })
      .then([]);
  });

  it('accepts an SDG goal and refuses an unknown policy area code', () => {
    given(registered)
      .when({ type: 'DeclareMandate', data: { area: { kind: 'SDG_GOAL', code: '1' }, level: 'CONTRIBUTING' } })
      .then([{ type: 'MandateDeclared', data: { area: { kind: 'SDG_GOAL', code: '1' }, level: 'CONTRIBUTING' } }]);
    given(registered)
      .when({ type: 'DeclareMandate', data: { area: { kind: 'POLICY_AREA', code: 'SPACE_TRAVEL' }, level: 'LEAD' } })
      .thenThrows('UNKNOWN_CODE', /area\.code: is not a known POLICY_AREA code/);
  });

  it('withdraws a declared mandate and refuses to withdraw one never declared', () => {
    given(registered, childBenefitMandate)
      .when({ type: 'WithdrawMandate', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' } } })
      .then([{ type: 'MandateWithdrawn', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' } } }]);
    given(registered, childBenefitMandate, {
      type: 'MandateWithdrawn',
      data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' } },
    })
      .when({ type: 'WithdrawMandate', data: { area: { kind: 'GUARANTEE', code: 'CHILDREN' } } })
      .thenThrows('MANDATE_NOT_DECLARED', /UNICEF declares no mandate for GUARANTEE CHILDREN/);
  });
});

describe('Country presence', () => {
  it('establishes a presence in a known country', () =>
    given(registered)
      .when({ type: 'EstablishCountryPresence', data: { country: 'KHM', residency: 'RESIDENT', office: 'Phnom Penh' } })
      .then([inCambodia]));

  it('refuses an unknown country code, naming it', () =>
    given(registered)
      .when({ type: 'EstablishCountryPresence', data: { country: 'XYZ', residency: 'RESIDENT' } })
      .thenThrows('UNKNOWN_CODE', /country: is not an ISO 3166-1 alpha-3/));

  it('refuses a second presence in the same country', () =>
    given(registered, inCambodia)
      .when({ type: 'EstablishCountryPresence', data: { country: 'KHM', residency: 'NON_RESIDENT' } })
      .thenThrows('PRESENCE_EXISTS', /already has a presence in KHM/));

  it('closes an open presence, and refuses to close one that is not open', () => {
    given(registered, inCambodia)
      .when({ type: 'CloseCountryPresence', data: { country: 'KHM' } })
      .then([{ type: 'CountryPresenceClosed', data: { country: 'KHM' } }]);
    given(registered, inCambodia, { type: 'CountryPresenceClosed', data: { country: 'KHM' } })
      .when({ type: 'CloseCountryPresence', data: { country: 'KHM' } })
      .thenThrows('NO_PRESENCE', /no open presence in KHM/);
  });
});
