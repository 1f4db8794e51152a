import { assertNever, ConcordError, lifecycleError, type DecideContext, type Decider } from '@concord/kernel';
import { isCountryCode, isVocabularyCode } from '@concord/reference';
import type { FocalPointCommand } from './focal-point.commands';
import type { FocalPointChanges, FocalPointEvent, FocalPointStatus } from './focal-point.events';

export interface RegisteredFocalPoint {
  status: FocalPointStatus;
  organisation: string;
  country: string;
  personName: string;
  email: string;
  phone: string | null;
  role: string;
  tags: string[];
}

export type FocalPointState = { status: 'none' } | RegisteredFocalPoint;

type Command<T extends FocalPointCommand['type']> = Extract<FocalPointCommand, { type: T }>['data'];
type Events = FocalPointEvent[];

/** The same rule as organisation codes, so the organisation can be looked up in the directory. */
const ORGANISATION_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
/** Deliberately loose: one @, no spaces, a dot in the domain. Only a sent message proves more. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const MAX_EMAIL = 254;
const PHONE = /^\+?[0-9][0-9 ().-]{4,29}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;
const MAX_TAGS = 30;
/**
 * Expertise tags are codes of these vocabularies rather than free text, so focal points can be
 * found by the same areas, guarantees and functions activities are tagged with.
 */
export const EXPERTISE_VOCABULARIES = ['policyAreas', 'guarantees', 'functions'] as const;

const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

function validText(path: string, value: string, max = MAX_TEXT): string {
  const text = (value ?? '').trim();
  if (!text) throw bad('VALUE_REQUIRED', path, value, 'must not be empty');
  if (text.length > max) throw bad('TOO_LONG', path, value, `must be at most ${max} characters (is ${text.length})`);
  return text;
}

/** Trimmed, with the domain in lower case (the part before @ may be case-sensitive). */
function validEmail(value: string): string {
  const email = (value ?? '').trim();
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) {
    throw bad('INVALID_EMAIL', 'email', value, 'must be an email address such as name@agency.org');
  }
  const at = email.lastIndexOf('@');
  return email.slice(0, at) + email.slice(at).toLowerCase();
}

function validPhone(value: string): string {
  const phone = value.trim();
  if (!PHONE.test(phone)) {
    throw bad(
      'INVALID_PHONE',
      'phone',
      value,
      'must be a phone number: digits, spaces, ( ) . or -, with an optional +',
    );
  }
  return phone;
}

function validTags(tags: string[]): string[] {
  if (tags.length > MAX_TAGS) throw bad('TOO_MANY', 'tags', tags.length, `must be at most ${MAX_TAGS} tags`);
  tags.forEach((tag, i) => {
    if (!EXPERTISE_VOCABULARIES.some((vocabulary) => isVocabularyCode(vocabulary, tag))) {
      throw bad('UNKNOWN_CODE', `tags.${i}`, tag, 'is not a policy area, floor guarantee or function code');
    }
  });
  return [...new Set(tags)];
}

/** An ISO date that exists; today, from the decide context, when omitted. */
function validDate(path: string, value: string | undefined, ctx: DecideContext): string {
  if (value === undefined) return ctx.now.toISOString().slice(0, 10);
  const date = new Date(`${value}T00:00:00Z`);
  const real = ISO_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  if (!real) throw bad('INVALID_DATE', path, value, 'must be a date written YYYY-MM-DD');
  return value;
}

function register(data: Command<'RegisterFocalPoint'>, state: FocalPointState): Events {
  if (state.status !== 'none') throw lifecycleError('FocalPoint', state.status, 'register it again');
  const { organisation, country } = data;
  if (!ORGANISATION_CODE.test(organisation)) {
    throw bad(
      'INVALID_CODE',
      'organisation',
      organisation,
      'must be an organisation code: 2–30 capital letters, digits or _',
    );
  }
  if (!isCountryCode(country)) {
    throw bad('UNKNOWN_CODE', 'country', country, 'is not an ISO 3166-1 alpha-3 country code');
  }
  const personName = validText('personName', data.personName);
  const email = validEmail(data.email);
  const phone = data.phone === undefined ? undefined : validPhone(data.phone);
  const role = validText('role', data.role);
  const tags = validTags(data.tags ?? []);
  return [{ type: 'FocalPointRegistered', data: { personName, email, phone, organisation, country, role, tags } }];
}

/** The changes an update asks for, validated; a blank or null phone removes the number. */
function requestedChanges(data: Command<'UpdateFocalPoint'>): FocalPointChanges {
  const changes: FocalPointChanges = {};
  if (data.personName !== undefined) changes.personName = validText('personName', data.personName);
  if (data.email !== undefined) changes.email = validEmail(data.email);
  if (data.phone !== undefined) changes.phone = data.phone?.trim() ? validPhone(data.phone) : null;
  if (data.role !== undefined) changes.role = validText('role', data.role);
  if (data.tags !== undefined) changes.tags = validTags(data.tags);
  return changes;
}

function update(focalPoint: RegisteredFocalPoint, data: Command<'UpdateFocalPoint'>): Events {
  const changes = requestedChanges(data);
  const changed = (Object.keys(changes) as (keyof FocalPointChanges)[]).filter(
    (key) => JSON.stringify(changes[key]) !== JSON.stringify(focalPoint[key]),
  );
  if (changed.length === 0) return [];
  return [{ type: 'FocalPointUpdated', data: Object.fromEntries(changed.map((key) => [key, changes[key]])) }];
}

/** The focal point a command acts on: it must exist and not have left. */
function activeFocalPoint(state: FocalPointState, attempted: string): RegisteredFocalPoint {
  if (state.status === 'none') throw new ConcordError('NOT_FOUND', 'FOCAL_POINT_NOT_FOUND', 'No such focal point');
  if (state.status === 'LEFT') throw lifecycleError('FocalPoint', state.status, attempted);
  return state;
}

/** What may happen to a focal point, as pure functions (ARCHITECTURE §5, directory). */
export const focalPointDecider: Decider<FocalPointCommand, FocalPointEvent, FocalPointState> = {
  initialState: { status: 'none' },

  decide(command, state, ctx) {
    switch (command.type) {
      case 'RegisterFocalPoint':
        return register(command.data, state);
      case 'UpdateFocalPoint':
        return update(activeFocalPoint(state, 'update it'), command.data);
      case 'MarkFocalPointLeft':
        activeFocalPoint(state, 'mark it left again');
        return [{ type: 'FocalPointLeft', data: { on: validDate('on', command.data.on, ctx) } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'FocalPointRegistered':
        return { status: 'ACTIVE', ...event.data, phone: event.data.phone ?? null };
      case 'FocalPointUpdated':
        return state.status === 'none' ? state : { ...state, ...event.data };
      case 'FocalPointLeft':
        return state.status === 'none' ? state : { ...state, status: 'LEFT' };
      default:
        return assertNever(event);
    }
  },
};
