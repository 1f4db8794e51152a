import { assertNever, ConcordError, lifecycleError, type Decider } from '@concord/kernel';
import { isCountryCode, isOrganisationType, isSdgGoal, isVocabularyCode } from '@concord/reference';
import type { OrganisationCommand } from './organisation.commands';
import type { LocalisedNames, MandateArea, MandateLevel, OrganisationEvent, Residency } from './organisation.events';

export type OrganisationState =
  | { status: 'none' }
  | {
      status: 'registered';
      code: string;
      name: string;
      names: LocalisedNames;
      /** `${kind}:${code}` → level */
      mandates: Record<string, MandateLevel>;
      /** country → residency */
      presences: Record<string, Residency>;
    };

const CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
const IATI_ORG_ID = /^[A-Z]{2}-[A-Za-z0-9]+(-[A-Za-z0-9._]+)*$/;
const MAX_NAME = 200;
const LEVELS: MandateLevel[] = ['LEAD', 'CORE', 'CONTRIBUTING'];
const RESIDENCIES: Residency[] = ['RESIDENT', 'NON_RESIDENT'];

const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

function validName(path: string, value: string | undefined): string {
  const name = (value ?? '').trim();
  if (!name) throw bad('NAME_REQUIRED', path, value, 'must not be empty');
  if (name.length > MAX_NAME)
    throw bad('NAME_TOO_LONG', path, value, `must be at most ${MAX_NAME} characters (is ${name.length})`);
  return name;
}

function validNames(names: LocalisedNames | undefined, name: string): LocalisedNames {
  const result: LocalisedNames = { en: name };
  for (const lang of ['en', 'fr', 'es'] as const) {
    if (names?.[lang] !== undefined) result[lang] = validName(`names.${lang}`, names[lang]);
  }
  return result;
}

function validArea(area: MandateArea): MandateArea {
  const known =
    area.kind === 'POLICY_AREA'
      ? isVocabularyCode('policyAreas', area.code)
      : area.kind === 'GUARANTEE'
        ? isVocabularyCode('guarantees', area.code)
        : area.kind === 'SDG_GOAL'
          ? isSdgGoal(area.code)
          : false;
  if (!['POLICY_AREA', 'GUARANTEE', 'SDG_GOAL'].includes(area.kind)) {
    throw bad('UNKNOWN_AREA_KIND', 'area.kind', area.kind, 'must be POLICY_AREA, GUARANTEE or SDG_GOAL');
  }
  if (!known) throw bad('UNKNOWN_CODE', 'area.code', area.code, `is not a known ${area.kind} code`);
  return area;
}

function validCountry(country: string): string {
  if (!isCountryCode(country)) {
    throw bad('UNKNOWN_CODE', 'country', country, 'is not an ISO 3166-1 alpha-3 country code');
  }
  return country;
}

const areaKey = (area: MandateArea) => `${area.kind}:${area.code}`;

/** What may happen to an organisation, as pure functions (ARCHITECTURE §5, directory). */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'RegisterOrganisation') {
      if (state.status !== 'none') throw lifecycleError('Organisation', state.status, 'register it again');
      const { code, type, iatiOrgId, parentId } = command.data;
      if (!CODE.test(code)) {
        throw bad('INVALID_CODE', 'code', code, 'must be 2–30 capital letters, digits or _ and start with a letter');
      }
      if (!isOrganisationType(type)) throw bad('UNKNOWN_CODE', 'type', type, 'is not an IATI OrganisationType code');
      if (iatiOrgId !== undefined && !IATI_ORG_ID.test(iatiOrgId)) {
        throw bad(
          'INVALID_IATI_ORG_ID',
          'iatiOrgId',
          iatiOrgId,
          'must look like XM-DAC-41122 (agency prefix, then id)',
        );
      }
      const name = validName('name', command.data.name);
      return [
        {
          type: 'OrganisationRegistered',
          data: { code, name, names: validNames(command.data.names, name), type, iatiOrgId, parentId },
        },
      ];
    }
    if (state.status === 'none') {
      throw new ConcordError('NOT_FOUND', 'ORGANISATION_NOT_FOUND', 'No such organisation');
    }
    switch (command.type) {
      case 'RenameOrganisation': {
        const name = validName('name', command.data.name);
        const names = validNames({ ...state.names, ...command.data.names, en: name }, name);
        if (name === state.name && JSON.stringify(names) === JSON.stringify(state.names)) return [];
        return [{ type: 'OrganisationRenamed', data: { name, names } }];
      }
      case 'DeclareMandate': {
        const area = validArea(command.data.area);
        const { level } = command.data;
        if (!LEVELS.includes(level)) throw bad('UNKNOWN_CODE', 'level', level, `must be one of ${LEVELS.join(', ')}`);
        if (state.mandates[areaKey(area)] === level) return [];
        return [{ type: 'MandateDeclared', data: { area, level } }];
      }
      case 'WithdrawMandate': {
        const { area } = command.data;
        if (!state.mandates[areaKey(area)]) {
          throw bad(
            'MANDATE_NOT_DECLARED',
            'area',
            area,
            `${state.code} declares no mandate for ${area.kind} ${area.code}`,
          );
        }
        return [{ type: 'MandateWithdrawn', data: { area: { kind: area.kind, code: area.code } } }];
      }
      case 'EstablishCountryPresence': {
        const country = validCountry(command.data.country);
        const { residency } = command.data;
        if (!RESIDENCIES.includes(residency)) {
          throw bad('UNKNOWN_CODE', 'residency', residency, `must be one of ${RESIDENCIES.join(', ')}`);
        }
        if (state.presences[country]) {
          throw new ConcordError('CONFLICT', 'PRESENCE_EXISTS', `${state.code} already has a presence in ${country}`, [
            { path: 'country', value: country, message: 'presence already established' },
          ]);
        }
        const office = command.data.office === undefined ? undefined : validName('office', command.data.office);
        return [{ type: 'CountryPresenceEstablished', data: { country, residency, office } }];
      }
      case 'CloseCountryPresence': {
        const { country } = command.data;
        if (!state.presences[country]) {
          throw bad('NO_PRESENCE', 'country', country, `${state.code} has no open presence in ${country}`);
        }
        return [{ type: 'CountryPresenceClosed', data: { country } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrganisationRegistered':
        return {
          status: 'registered',
          code: event.data.code,
          name: event.data.name,
          names: event.data.names,
          mandates: {},
          presences: {},
        };
      case 'OrganisationRenamed':
        return state.status === 'registered' ? { ...state, name: event.data.name, names: event.data.names } : state;
      case 'MandateDeclared':
        return state.status === 'registered'
          ? { ...state, mandates: { ...state.mandates, [areaKey(event.data.area)]: event.data.level } }
          : state;
      case 'MandateWithdrawn': {
        if (state.status !== 'registered') return state;
        const { [areaKey(event.data.area)]: _withdrawn, ...mandates } = state.mandates;
        return { ...state, mandates };
      }
      case 'CountryPresenceEstablished':
        return state.status === 'registered'
          ? { ...state, presences: { ...state.presences, [event.data.country]: event.data.residency } }
          : state;
      case 'CountryPresenceClosed': {
        if (state.status !== 'registered') return state;
        const { [event.data.country]: _closed, ...presences } = state.presences;
        return { ...state, presences };
      }
      default:
        return assertNever(event);
    }
  },
};
