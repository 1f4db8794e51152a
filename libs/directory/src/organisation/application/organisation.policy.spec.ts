import type { Actor } from '@concord/kernel';
import { authorizeOrganisationCommand } from './organisation.policy';
import type { OrganisationState } from '../domain/organisation.decider';

const unicef: OrganisationState = {
  status: 'registered',
  code: 'UNICEF',
  name: 'UNICEF',
  names: {},
  mandates: {},
  presences: {},
};
const actor = (roles: string[], organisation?: string): Actor => ({ id: 'u', roles, organisation, countries: [] });
const rename = { type: 'RenameOrganisation' as const, data: { name: 'X' } };
const register = { type: 'RegisterOrganisation' as const, data: { code: 'WFP', name: 'WFP', type: '40' } };

describe('Who may change an organisation', () => {
  it('lets a platform admin register and change any organisation', () => {
    expect(() => authorizeOrganisationCommand(register, { status: 'none' }, actor(['platform-admin']))).not.toThrow();
    expect(() => authorizeOrganisationCommand(rename, unicef, actor(['platform-admin']))).not.toThrow();
  });

  it('lets an agency editor change their own organisation only', () => {
    expect(() => authorizeOrganisationCommand(rename, unicef, actor(['agency-editor'], 'UNICEF'))).not.toThrow();
    expect(() => authorizeOrganisationCommand(rename, unicef, actor(['agency-editor'], 'WFP'))).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN', message: expect.stringContaining("UNICEF's agency editors") }),
    );
  });

  it('refuses registration to anyone but a platform admin', () =>
    expect(() => authorizeOrganisationCommand(register, { status: 'none' }, actor(['agency-editor'], 'WFP'))).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN' }),
    ));

  it('refuses viewers', () =>
    expect(() => authorizeOrganisationCommand(rename, unicef, actor(['viewer'], 'UNICEF'))).toThrow(
      expect.objectContaining({ kind: 'FORBIDDEN' }),
    ));
});
