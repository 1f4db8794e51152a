import type { Actor } from '@concord/kernel';
import type { CoordinationBodyCommand } from '../domain/coordination-body.commands';
import type { CoordinationBodyState, EstablishedBody } from '../domain/coordination-body.decider';
import { authorizeCoordinationBodyCommand } from './coordination-body.policy';

const body = (scope: EstablishedBody['scope']): CoordinationBodyState => ({
  status: 'ACTIVE',
  name: 'SP working group',
  names: { en: 'SP working group' },
  scope,
  members: {},
  chairs: [],
  terms: {},
  interactions: {},
  divisions: 0,
});
const malawiBody = body({ country: 'MWI' });
const asiaPacificBody = body({ region: 'ASIA_PACIFIC' });
const actor = (roles: string[], countries: string[] = [], organisation?: string): Actor => ({
  id: 'u',
  roles,
  countries,
  organisation,
});
const admit: CoordinationBodyCommand = { type: 'AdmitMember', data: { organisation: 'ILO' } };
const establish = (scope: { country?: string; region?: string }): CoordinationBodyCommand => ({
  type: 'EstablishCoordinationBody',
  data: { name: 'SP working group', kind: 'SP_WORKING_GROUP', ...scope },
});
const none: CoordinationBodyState = { status: 'none' };

const allowed = (command: CoordinationBodyCommand, state: CoordinationBodyState, who: Actor) =>
  expect(() => authorizeCoordinationBodyCommand(command, state, who)).not.toThrow();
const refused = (command: CoordinationBodyCommand, state: CoordinationBodyState, who: Actor, message: RegExp) =>
  expect(() => authorizeCoordinationBodyCommand(command, state, who)).toThrow(
    expect.objectContaining({ kind: 'FORBIDDEN', code: 'NOT_ALLOWED', message: expect.stringMatching(message) }),
  );

describe('Who may change a coordination body', () => {
  it('lets a platform admin and the system establish and change any body, national or regional', () => {
    for (const who of [actor(['platform-admin']), actor(['system'])]) {
      allowed(establish({ country: 'MWI' }), none, who);
      allowed(establish({ region: 'ASIA_PACIFIC' }), none, who);
      allowed(admit, malawiBody, who);
      allowed(admit, asiaPacificBody, who);
    }
  });

  it("lets an RCO coordinator establish and change their country's bodies", () => {
    const malawiRco = actor(['rco-coordinator'], ['MWI']);
    allowed(establish({ country: 'MWI' }), none, malawiRco);
    allowed(admit, malawiBody, malawiRco);
  });

  it("refuses an RCO coordinator another country's bodies, naming who may", () => {
    const cambodiaRco = actor(['rco-coordinator'], ['KHM']);
    refused(admit, malawiBody, cambodiaRco, /^Only an RCO coordinator of MWI or a platform admin/);
    refused(establish({ country: 'MWI' }), none, cambodiaRco, /RCO coordinator of MWI/);
  });

  it('refuses an RCO coordinator regional bodies: platform admins only', () => {
    const rco = actor(['rco-coordinator'], ['MWI', 'KHM']);
    refused(establish({ region: 'ASIA_PACIFIC' }), none, rco, /^Only a platform admin .* regional .*ASIA_PACIFIC/);
    refused(admit, asiaPacificBody, rco, /regional coordination bodies \(ASIA_PACIFIC\)/);
  });

  it('refuses agency editors, viewers and callers without a role', () => {
    for (const who of [actor(['agency-editor'], ['MWI'], 'ILO'), actor(['viewer'], ['MWI']), actor([], ['MWI'])]) {
      refused(admit, malawiBody, who, /RCO coordinator of MWI or a platform admin/);
    }
  });

  it('leaves an unknown body to the decider (NOT_FOUND) for an RCO coordinator', () =>
    allowed(admit, none, actor(['rco-coordinator'], ['MWI'])));
});
