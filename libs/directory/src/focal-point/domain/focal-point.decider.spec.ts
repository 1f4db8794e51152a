import { specFor, testContext } from '@concord/kernel/testing';
import { listVocabulary } from '@concord/reference';
import type { FocalPointCommand } from './focal-point.commands';
import { EXPERTISE_VOCABULARIES, focalPointDecider } from './focal-point.decider';
import type { FocalPointEvent } from './focal-point.events';

const given = specFor(focalPointDecider);

type RegisterData = Extract<FocalPointCommand, { type: 'RegisterFocalPoint' }>['data'];
const register = (data: Partial<RegisterData> = {}): FocalPointCommand => ({
  type: 'RegisterFocalPoint',
  data: {
    personName: 'Chikondi Banda',
    email: 'cbanda@unicef.org',
    organisation: 'UNICEF',
    country: 'MWI',
    role: 'Social policy specialist',
    tags: ['CHILDREN', 'CASH_TRANSFER'],
    ...data,
  },
});
const registered: FocalPointEvent = {
  type: 'FocalPointRegistered',
  data: {
    personName: 'Chikondi Banda',
    email: 'cbanda@unicef.org',
    phone: '+265 1 770 770',
    organisation: 'UNICEF',
    country: 'MWI',
    role: 'Social policy specialist',
    tags: ['CHILDREN', 'CASH_TRANSFER'],
  },
};
const update = (data: Extract<FocalPointCommand, { type: 'UpdateFocalPoint' }>['data']): FocalPointCommand => ({
  type: 'UpdateFocalPoint',
  data,
});
const left: FocalPointEvent = { type: 'FocalPointLeft', data: { on: '2025-06-30' } };

describe('Registering a focal point', () => {
  it('registers the person for an organisation in a country, with expertise tags', () =>
    given()
      .when(register({ phone: ' +265 1 770 770 ', personName: ' Chikondi Banda ' }))
      .then([registered]));

  it('keeps the part of the email before @ and lowers the domain', () =>
    given()
      .when(register({ email: ' C.Banda@UNICEF.ORG ' }))
      .then([expect.objectContaining({ data: expect.objectContaining({ email: 'C.Banda@unicef.org' }) })]));

  it('names each tag once', () =>
    given()
      .when(register({ tags: ['FINANCING', 'FINANCING', 'OLDER_PERSONS'] }))
      .then([expect.objectContaining({ data: expect.objectContaining({ tags: ['FINANCING', 'OLDER_PERSONS'] }) })]));

  it('refuses an invalid email, naming the field and the value', () => {
    for (const email of ['cbanda', 'cbanda@unicef', 'c banda@unicef.org', 'a@b@unicef.org', '']) {
      given()
        .when(register({ email }))
        .thenThrows('INVALID_EMAIL', /^email: must be an email address such as name@agency\.org/);
    }
  });

  it('refuses a malformed phone number', () =>
    given()
      .when(register({ phone: 'call me' }))
      .thenThrows('INVALID_PHONE', /^phone: must be a phone number/));

  it('refuses a tag outside the policy area, guarantee and function vocabularies, naming its position', () =>
    given()
      .when(register({ tags: ['CHILDREN', 'KNITTING'] }))
      .thenThrows('UNKNOWN_CODE', /^tags\.1: is not a policy area, floor guarantee or function code/));

  it('refuses an unknown country, a malformed organisation code and an empty name or role', () => {
    given()
      .when(register({ country: 'MAW' }))
      .thenThrows('UNKNOWN_CODE', /^country: is not an ISO 3166-1 alpha-3/);
    given()
      .when(register({ organisation: 'unicef' }))
      .thenThrows('INVALID_CODE', /^organisation:/);
    given()
      .when(register({ personName: ' ' }))
      .thenThrows('VALUE_REQUIRED', /^personName: must not be empty/);
    given()
      .when(register({ role: 'x'.repeat(201) }))
      .thenThrows('TOO_LONG', /^role: must be at most 200 characters/);
  });

  it('refuses to register the same focal point twice, naming its state', () =>
    given(registered)
      .when(register())
      .thenThrows('INVALID_TRANSITION', /FocalPoint is ACTIVE; cannot register it again/));

  it('refuses changes to a focal point that does not exist', () =>
    given()
      .when(update({ role: 'X' }))
      .thenThrows('FOCAL_POINT_NOT_FOUND'));

  it('expertise vocabularies share no code, so a bare tag names one thing', () => {
    const codes = EXPERTISE_VOCABULARIES.flatMap((name) => listVocabulary(name).map((entry) => entry.code));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('Updating a focal point', () => {
  it('records only what changed', () =>
    given(registered)
      .when(update({ personName: 'Chikondi Banda', role: 'Chief, Social Policy', tags: ['CHILDREN'] }))
      .then([{ type: 'FocalPointUpdated', data: { role: 'Chief, Social Policy', tags: ['CHILDREN'] } }]));

  it('removes the phone number with null or a blank', () => {
    given(registered)
      .when(update({ phone: null }))
      .then([{ type: 'FocalPointUpdated', data: { phone: null } }]);
    given(registered)
      .when(update({ phone: '  ' }))
      .then([{ type: 'FocalPointUpdated', data: { phone: null } }]);
  });

  it('does nothing when nothing changes', () =>
    given(registered, { type: 'FocalPointUpdated', data: { phone: null } })
      .when(update({ phone: null, email: 'cbanda@UNICEF.org' }))
      .then([]));

  it('refuses an invalid email on update', () =>
    given(registered)
      .when(update({ email: 'not-an-email' }))
      .thenThrows('INVALID_EMAIL', /^email:/));
});

describe('Leaving', () => {
  it('marks the focal point as having left, on a date or today', () => {
    given(registered)
      .when({ type: 'MarkFocalPointLeft', data: { on: '2025-06-30' } })
      .then([left]);
    given(registered)
      .when({ type: 'MarkFocalPointLeft', data: {} })
      .then([{ type: 'FocalPointLeft', data: { on: testContext.now.toISOString().slice(0, 10) } }]);
  });

  it('refuses an impossible date', () =>
    given(registered)
      .when({ type: 'MarkFocalPointLeft', data: { on: '2025-13-01' } })
      .thenThrows('INVALID_DATE', /^on: must be a date written YYYY-MM-DD/));

  it('refuses changes after leaving, naming the state', () => {
    given(registered, left)
      .when(update({ role: 'Back again' }))
      .thenThrows('INVALID_TRANSITION', /FocalPoint is LEFT; cannot update it/);
    given(registered, left)
      .when({ type: 'MarkFocalPointLeft', data: {} })
      .thenThrows('INVALID_TRANSITION', /FocalPoint is LEFT; cannot mark it left again/);
  });
});
