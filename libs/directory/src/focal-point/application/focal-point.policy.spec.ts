import type { Actor } from '@concord/kernel';
import type { FocalPointCommand } from '../domain/focal-point.commands';
import type { FocalPointState } from '../domain/focal-point.decider';
import { authorizeFocalPointCommand, seesPersonalData } from './focal-point.policy';

const unicefInMalawi: FocalPointState = {
  status: 'ACTIVE',
  organisation: 'UNICEF',
  country: 'MWI',
  personName: 'Chikondi Banda',
  email: 'cbanda@unicef.org',
  phone: null,
  role: 'Social policy specialist',
  tags: [],
};
const none: FocalPointState = { status: 'none' };
const actor = (roles: string[], countries: string[] = [], organisation?: string): Actor => ({
  id: 'u',
  roles,
  countries,
  organisation,
});
const update: FocalPointCommand = { type: 'UpdateFocalPoint', data: { role: 'Chief' } };
const register = (organisation: string, country: string): FocalPointCommand => ({
  type: 'RegisterFocalPoint',
  data: { personName: 'P', email: 'p@x.org', organisation, country, role: 'R' },
});

const allowed = (command: FocalPointCommand, state: FocalPointState, who: Actor) =>
  expect(() => authorizeFocalPointCommand(command, state, who)).not.toThrow();
const refused = (command: FocalPointCommand, state: FocalPointState, who: Actor, message?: RegExp) =>
  expect(() => authorizeFocalPointCommand(command, state, who)).toThrow(
    expect.objectContaining({
      kind: 'FORBIDDEN',
      code: 'NOT_ALLOWED',
      ...(message ? { message: expect.stringMatching(message) } : {}),
    }),
  );

describe('Who may change a focal point', () => {
  it('lets a platform admin and the system register and change any focal point', () => {
    for (const who of [actor(['platform-admin']), actor(['system'])]) {
      allowed(register('WFP', 'KHM'), none, who);
      allowed(update, unicefInMalawi, who);
    }
  });

  it('lets an RCO coordinator manage the focal points of any organisation in their countries', () => {
    const malawiRco = actor(['rco-coordinator'], ['MWI']);
    allowed(register('WFP', 'MWI'), none, malawiRco);
    allowed(update, unicefInMalawi, malawiRco);
  });

  it('refuses an RCO coordinator focal points in other countries, naming who may', () => {
    const cambodiaRco = actor(['rco-coordinator'], ['KHM']);
    refused(
      update,
      unicefInMalawi,
      cambodiaRco,
      /^Only a platform admin, an RCO coordinator of MWI or an agency editor of UNICEF in MWI/,
    );
    refused(register('WFP', 'MWI'), none, cambodiaRco, /RCO coordinator of MWI/);
  });

  it("lets an agency editor manage their own organisation's focal points in their countries", () => {
    const unicefEditor = actor(['agency-editor'], ['MWI'], 'UNICEF');
    allowed(register('UNICEF', 'MWI'), none, unicefEditor);
    allowed(update, unicefInMalawi, unicefEditor);
  });

  it("refuses an agency editor another organisation's focal points, or their own elsewhere", () => {
    refused(update, unicefInMalawi, actor(['agency-editor'], ['MWI'], 'WFP'), /agency editor of UNICEF in MWI/);
    refused(update, unicefInMalawi, actor(['agency-editor'], ['KHM'], 'UNICEF'));
    refused(register('UNICEF', 'KHM'), none, actor(['agency-editor'], ['MWI'], 'UNICEF'), /in KHM/);
  });

  it('refuses viewers and callers without a role', () => {
    refused(update, unicefInMalawi, actor(['viewer'], ['MWI'], 'UNICEF'));
    refused(update, none, actor([], ['MWI']), /^Only a platform admin, an RCO coordinator or an agency editor/);
  });

  it('leaves an unknown focal point to the decider (NOT_FOUND) for those who could change one', () =>
    allowed(update, none, actor(['agency-editor'], ['MWI'], 'UNICEF')));
});

describe('Who sees personal data', () => {
  it('shows names, emails and phones to any signed-in caller and hides them from anonymous ones', () => {
    expect(seesPersonalData(actor(['viewer']))).toBe(true);
    expect(seesPersonalData(undefined)).toBe(false);
  });
});
