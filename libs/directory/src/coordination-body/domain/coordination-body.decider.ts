import { assertNever, ConcordError, lifecycleError, type DecideContext, type Decider } from '@concord/kernel';
import { isCountryCode, isVocabularyCode, listVocabulary, type InteractionLevel } from '@concord/reference';
import type { LocalisedNames } from '../../organisation/domain/organisation.events';
import type { CoordinationBodyCommand } from './coordination-body.commands';
import {
  BODY_KINDS,
  CADENCES,
  type BodyScope,
  type BodyStatus,
  type Cadence,
  type CoordinationBodyEvent,
  type TermsOfReference,
} from './coordination-body.events';

export interface EstablishedBody {
  status: BodyStatus;
  name: string;
  names: LocalisedNames;
  scope: BodyScope;
  /** organisation code → member since (ISO date) */
  members: Record<string, string>;
  chairs: string[];
  terms: TermsOfReference;
  /** `${a}|${b}` with a < b → level */
  interactions: Record<string, InteractionLevel>;
  /** How many divisions of labour have been recorded: the last `seq`. */
  divisions: number;
}

export type CoordinationBodyState = { status: 'none' } | EstablishedBody;

type Command<T extends CoordinationBodyCommand['type']> = Extract<CoordinationBodyCommand, { type: T }>['data'];
type Events = CoordinationBodyEvent[];

/** The same rule as organisation codes, so members can be looked up in the directory. */
const ORGANISATION_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
const REGION_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_NAME = 200;
const MAX_TERMS = 10_000;
const MAX_URL = 2_000;
const MAX_TOPIC = 200;
const MAX_NOTE = 2_000;

/** What each command attempts, for lifecycle errors on a dissolved body. */
const ATTEMPTS: Record<Exclude<CoordinationBodyCommand['type'], 'EstablishCoordinationBody'>, string> = {
  RenameCoordinationBody: 'rename it',
  AdmitMember: 'admit a member',
  RemoveMember: 'remove a member',
  AppointChair: 'appoint a chair',
  RelieveChair: 'relieve a chair',
  SetTermsOfReference: 'set its terms of reference',
  RecordInteractionLevel: 'record an interaction level',
  RecordDivisionOfLabour: 'record a division of labour',
  Dissolve: 'dissolve it again',
};

const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

/** Long texts are echoed back shortened: the error names the value without repeating 10,000 characters. */
const shown = (value: string | undefined) => (value && value.length > 100 ? `${value.slice(0, 100)}…` : value);

function validText(path: string, value: string | undefined, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw bad('VALUE_REQUIRED', path, value, 'must not be empty');
  if (text.length > max) {
    throw bad('TOO_LONG', path, shown(value), `must be at most ${max} characters (is ${text.length})`);
  }
  return text;
}

function validNames(names: LocalisedNames | undefined, name: string): LocalisedNames {
  const result: LocalisedNames = { en: name };
  for (const lang of ['fr', 'es'] as const) {
    if (names?.[lang] !== undefined) result[lang] = validText(`names.${lang}`, names[lang], MAX_NAME);
  }
  return result;
}

function validOrganisation(path: string, code: string): string {
  if (!ORGANISATION_CODE.test(code)) {
    throw bad('INVALID_CODE', path, code, 'must be an organisation code: 2–30 capital letters, digits or _');
  }
  return code;
}

function validScope({ country, region }: BodyScope): BodyScope {
  if ((country === undefined) === (region === undefined)) {
    const message = 'give exactly one of country (ISO3) or region';
    throw new ConcordError('BAD_USER_INPUT', 'SCOPE_REQUIRED', message, [
      { path: 'country', value: country, message },
      { path: 'region', value: region, message },
    ]);
  }
  if (country !== undefined && !isCountryCode(country)) {
    throw bad('UNKNOWN_CODE', 'country', country, 'is not an ISO 3166-1 alpha-3 country code');
  }
  if (region !== undefined && !REGION_CODE.test(region)) {
    throw bad(
      'INVALID_CODE',
      'region',
      region,
      'must be a region code like ASIA_PACIFIC: capital letters, digits or _',
    );
  }
  return country !== undefined ? { country } : { region };
}

function validCadence(cadence: Cadence | undefined): Cadence | undefined {
  if (cadence !== undefined && !CADENCES.includes(cadence)) {
    throw bad('UNKNOWN_CODE', 'cadence', cadence, `must be one of ${CADENCES.join(', ')}`);
  }
  return cadence;
}

/** An ISO date that exists (no 2025-02-30); today, from the decide context, when omitted. */
function validDate(path: string, value: string | undefined, ctx: DecideContext): string {
  if (value === undefined) return ctx.now.toISOString().slice(0, 10);
  const date = new Date(`${value}T00:00:00Z`);
  const real = ISO_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  if (!real) throw bad('INVALID_DATE', path, value, 'must be a date written YYYY-MM-DD');
  return value;
}

function validUrl(value: string): string {
  const url = value.trim();
  if (url.length > MAX_URL || !URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) {
    throw bad('INVALID_URL', 'url', shown(value), `must be an http(s) address of at most ${MAX_URL} characters`);
  }
  return url;
}

function member(body: EstablishedBody, path: string, organisation: string, hint = ''): string {
  if (!Object.hasOwn(body.members, organisation)) {
    throw bad('NOT_A_MEMBER', path, organisation, `${organisation} is not a member of ${body.name}${hint}`);
  }
  return organisation;
}

const pairKey = (a: string, b: string) => `${a}|${b}`;

function establish(data: Command<'EstablishCoordinationBody'>, state: CoordinationBodyState): Events {
  if (state.status !== 'none') throw lifecycleError('CoordinationBody', state.status, 'establish it again');
  const name = validText('name', data.name, MAX_NAME);
  const scope = validScope(data);
  if (!BODY_KINDS.includes(data.kind)) {
    throw bad('UNKNOWN_CODE', 'kind', data.kind, `must be one of ${BODY_KINDS.join(', ')}`);
  }
  const names = validNames(data.names, name);
  const cadence = validCadence(data.cadence);
  return [{ type: 'CoordinationBodyEstablished', data: { name, names, ...scope, kind: data.kind, cadence } }];
}

function rename(body: EstablishedBody, data: Command<'RenameCoordinationBody'>): Events {
  const name = validText('name', data.name, MAX_NAME);
  const names = validNames({ ...body.names, ...data.names }, name);
  if (name === body.name && JSON.stringify(names) === JSON.stringify(body.names)) return [];
  return [{ type: 'CoordinationBodyRenamed', data: { name, names } }];
}

function admit(body: EstablishedBody, data: Command<'AdmitMember'>, ctx: DecideContext): Events {
  const organisation = validOrganisation('organisation', data.organisation);
  const since = validDate('since', data.since, ctx);
  if (Object.hasOwn(body.members, organisation)) {
    const message = `${organisation} is already a member of ${body.name} (since ${body.members[organisation]})`;
    throw new ConcordError('CONFLICT', 'MEMBER_EXISTS', message, [
      { path: 'organisation', value: organisation, message: 'is already a member' },
    ]);
  }
  return [{ type: 'BodyMemberAdmitted', data: { organisation, since } }];
}

function remove(body: EstablishedBody, { organisation }: Command<'RemoveMember'>): Events {
  member(body, 'organisation', organisation);
  return [{ type: 'BodyMemberRemoved', data: { organisation } }];
}

function appointChair(body: EstablishedBody, { organisation }: Command<'AppointChair'>): Events {
  member(body, 'organisation', organisation, '; admit it before appointing it chair');
  if (body.chairs.includes(organisation)) return [];
  return [{ type: 'BodyChairAppointed', data: { organisation } }];
}

function relieveChair(body: EstablishedBody, { organisation }: Command<'RelieveChair'>): Events {
  if (!body.chairs.includes(organisation)) {
    throw bad('NOT_A_CHAIR', 'organisation', organisation, `${organisation} does not chair ${body.name}`);
  }
  return [{ type: 'BodyChairRelieved', data: { organisation } }];
}

function setTerms(body: EstablishedBody, { text, url, cadence }: Command<'SetTermsOfReference'>): Events {
  if (text === undefined && url === undefined && cadence === undefined) {
    throw bad('TERMS_REQUIRED', 'text', text, 'give the text, the URL or the cadence of the terms of reference');
  }
  const terms: TermsOfReference = {
    text: text === undefined ? body.terms.text : validText('text', text, MAX_TERMS),
    url: url === undefined ? body.terms.url : validUrl(url),
    cadence: cadence === undefined ? body.terms.cadence : validCadence(cadence),
  };
  const unchanged = (['text', 'url', 'cadence'] as const).every((key) => terms[key] === body.terms[key]);
  return unchanged ? [] : [{ type: 'BodyTermsOfReferenceSet', data: terms }];
}

function recordInteraction(body: EstablishedBody, { a, b, level }: Command<'RecordInteractionLevel'>): Events {
  member(body, 'a', a);
  member(body, 'b', b);
  if (a === b) throw bad('SAME_ORGANISATION', 'b', b, 'must differ from a: a level is between two members');
  if (!isVocabularyCode('interactionLevels', level)) {
    const levels = listVocabulary('interactionLevels').map((entry) => entry.code);
    throw bad('UNKNOWN_CODE', 'level', level, `must be one of ${levels.join(', ')}`);
  }
  // The pair is unordered: stored once, smaller code first, whichever way round it was given.
  const [first, second] = [a, b].sort();
  if (body.interactions[pairKey(first, second)] === level) return [];
  return [{ type: 'BodyInteractionLevelRecorded', data: { a: first, b: second, level } }];
}

function recordDivision(body: EstablishedBody, data: Command<'RecordDivisionOfLabour'>): Events {
  if (data.organisations.length === 0) {
    throw bad('ORGANISATIONS_REQUIRED', 'organisations', data.organisations, 'name at least one member');
  }
  data.organisations.forEach((organisation, i) => member(body, `organisations.${i}`, organisation));
  const topic = validText('topic', data.topic, MAX_TOPIC);
  const note = data.note === undefined ? undefined : validText('note', data.note, MAX_NOTE);
  const organisations = [...new Set(data.organisations)];
  return [{ type: 'BodyDivisionOfLabourRecorded', data: { seq: body.divisions + 1, organisations, topic, note } }];
}

/** The body a command acts on: it must exist and still be active. */
function activeBody(state: CoordinationBodyState, command: keyof typeof ATTEMPTS): EstablishedBody {
  if (state.status === 'none') {
    throw new ConcordError('NOT_FOUND', 'COORDINATION_BODY_NOT_FOUND', 'No such coordination body');
  }
  if (state.status === 'DISSOLVED') {
    throw lifecycleError('CoordinationBody', state.status, ATTEMPTS[command]);
  }
  return state;
}

const withBody = (state: CoordinationBodyState, change: (body: EstablishedBody) => EstablishedBody) =>
  state.status === 'none' ? state : change(state);

/** What may happen to a coordination body, as pure functions (ARCHITECTURE §5, directory). */
export const coordinationBodyDecider: Decider<CoordinationBodyCommand, CoordinationBodyEvent, CoordinationBodyState> = {
  initialState: { status: 'none' },

  decide(command, state, ctx) {
    if (command.type === 'EstablishCoordinationBody') return establish(command.data, state);
    const body = activeBody(state, command.type);
    switch (command.type) {
      case 'RenameCoordinationBody':
        return rename(body, command.data);
      case 'AdmitMember':
        return admit(body, command.data, ctx);
      case 'RemoveMember':
        return remove(body, command.data);
      case 'AppointChair':
        return appointChair(body, command.data);
      case 'RelieveChair':
        return relieveChair(body, command.data);
      case 'SetTermsOfReference':
        return setTerms(body, command.data);
      case 'RecordInteractionLevel':
        return recordInteraction(body, command.data);
      case 'RecordDivisionOfLabour':
        return recordDivision(body, command.data);
      case 'Dissolve':
        return [{ type: 'CoordinationBodyDissolved', data: { on: validDate('on', command.data.on, ctx) } }];
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CoordinationBodyEstablished': {
        const { name, names, country, region, cadence } = event.data;
        return {
          status: 'ACTIVE',
          name,
          names,
          scope: country !== undefined ? { country } : { region },
          members: {},
          chairs: [],
          terms: { cadence },
          interactions: {},
          divisions: 0,
        };
      }
      case 'CoordinationBodyRenamed':
        return withBody(state, (body) => ({ ...body, name: event.data.name, names: event.data.names }));
      case 'BodyMemberAdmitted':
        return withBody(state, (body) => ({
          ...body,
          members: { ...body.members, [event.data.organisation]: event.data.since },
        }));
      case 'BodyMemberRemoved':
        return withBody(state, (body) => {
          const left = event.data.organisation;
          const { [left]: _removed, ...members } = body.members;
          // Levels are between current members: the leaver's go with it (divisions of labour stay, as history).
          const interactions = Object.fromEntries(
            Object.entries(body.interactions).filter(([pair]) => !pair.split('|').includes(left)),
          );
          return { ...body, members, interactions, chairs: body.chairs.filter((c) => c !== left) };
        });
      case 'BodyChairAppointed':
        return withBody(state, (body) => ({ ...body, chairs: [...body.chairs, event.data.organisation] }));
      case 'BodyChairRelieved':
        return withBody(state, (body) => ({
          ...body,
          chairs: body.chairs.filter((c) => c !== event.data.organisation),
        }));
      case 'BodyTermsOfReferenceSet':
        return withBody(state, (body) => ({ ...body, terms: event.data }));
      case 'BodyInteractionLevelRecorded':
        return withBody(state, (body) => ({
          ...body,
          interactions: { ...body.interactions, [pairKey(event.data.a, event.data.b)]: event.data.level },
        }));
      case 'BodyDivisionOfLabourRecorded':
        return withBody(state, (body) => ({ ...body, divisions: event.data.seq }));
      case 'CoordinationBodyDissolved':
        return withBody(state, (body) => ({ ...body, status: 'DISSOLVED' }));
      default:
        return assertNever(event);
    }
  },
};
