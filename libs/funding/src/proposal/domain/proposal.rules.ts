import { ConcordError, type FieldError, isIsoDate } from '@concord/kernel';
import { isCountryCode, isVocabularyCode, VOCABULARIES, type VocabularyEntry } from '@concord/reference';
import { validMoney, type Money } from '../../money/money';
import type { CallFacts, ProposalDetailsInput } from './proposal.commands';
import type { Applicant, ApplicantRole, ProposalDetails } from './proposal.events';

/**
 * The invariants of a proposal's details, each failure naming the field, the value and the rule.
 * Field rules are collected, so a caller sees every broken one at once. Pure.
 */

/** The same rule as directory codes, so organisations and donors can be looked up there. */
export const ORGANISATION_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
/** Call and joint programme ids: a UUID or an importer's stable id. */
export const REFERENCE_ID = /^[A-Za-z0-9._:-]{1,80}$/;
export const MAX_TITLE = 300;
export const MAX_REASON = 1_000;
const ROLES: readonly ApplicantRole[] = ['LEAD', 'CO_APPLICANT'];

/** Every rule an input breaks; BAD_USER_INPUT listing them all, a single one keeping its own code. */
export class Violations {
  private readonly found: { code: string; fields: FieldError[] }[] = [];

  add(code: string, path: string, value: unknown, message: string): void {
    this.found.push({ code, fields: [{ path, value, message }] });
  }

  /** One rule broken by several fields together, e.g. a period that ends before it starts. */
  addRule(code: string, fields: FieldError[]): void {
    this.found.push({ code, fields });
  }

  /** Runs a rule that throws (Money's), recording its field errors instead; undefined when it failed. */
  collect<T>(rule: () => T): T | undefined {
    try {
      return rule();
    } catch (error) {
      if (!(error instanceof ConcordError) || error.kind !== 'BAD_USER_INPUT') throw error;
      this.addRule(error.code, error.fields);
      return undefined;
    }
  }

  throwIfAny(): void {
    if (this.found.length === 0) return;
    if (this.found.length > 1) throw ConcordError.invalidFields(this.found.flatMap((f) => f.fields));
    const [{ code, fields }] = this.found;
    throw new ConcordError('BAD_USER_INPUT', code, fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
  }
}

export const bad = (code: string, path: string, value: unknown, message: string) =>
  ConcordError.badInput(code, { path, value, message });

export const today = (now: Date): string => now.toISOString().slice(0, 10);

/** Trimmed, non-empty, at most `max` characters. */
export function text(v: Violations, path: string, value: string | null | undefined, max: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) v.add('TEXT_REQUIRED', path, value, 'must not be empty');
  else if (trimmed.length > max) {
    v.add('TEXT_TOO_LONG', path, value, `must be at most ${max} characters (is ${trimmed.length})`);
  }
  return trimmed;
}

function organisationCode(v: Violations, path: string, value: string): boolean {
  if (typeof value === 'string' && ORGANISATION_CODE.test(value)) return true;
  v.add('INVALID_CODE', path, value, 'must be an organisation code: 2–30 capital letters, digits or _, e.g. UNICEF');
  return false;
}

/** The lead first, then the co-applicants as listed; every organisation once, exactly one LEAD. */
function applicants(v: Violations, input: ProposalDetailsInput['applicants']): Applicant[] {
  const given = input ?? [];
  if (given.length === 0) {
    v.add('APPLICANT_REQUIRED', 'applicants', given, 'must name at least the LEAD organisation');
    return [];
  }
  const result: Applicant[] = [];
  given.forEach(({ organisation, role }, i) => {
    const validCode = organisationCode(v, `applicants[${i}].organisation`, organisation);
    if (!(ROLES as readonly string[]).includes(role)) {
      v.add('UNKNOWN_CODE', `applicants[${i}].role`, role, `must be one of ${ROLES.join(', ')}`);
      return;
    }
    if (validCode && result.some((a) => a.organisation === organisation)) {
      v.add('DUPLICATE_APPLICANT', `applicants[${i}].organisation`, organisation, `${organisation} is listed twice`);
      return;
    }
    result.push({ organisation, role: role as ApplicantRole });
  });
  const leads = given.map((a, i) => ({ ...a, i })).filter((a) => a.role === 'LEAD');
  if (leads.length === 0) {
    v.add('LEAD_REQUIRED', 'applicants', given, 'must name exactly one organisation with role LEAD');
  } else if (leads.length > 1) {
    v.add(
      'LEAD_AMBIGUOUS',
      `applicants[${leads[1].i}].role`,
      'LEAD',
      `only one organisation can lead; ${leads[0].organisation} already does`,
    );
  }
  return [...result.filter((a) => a.role === 'LEAD'), ...result.filter((a) => a.role !== 'LEAD')];
}

/** `undefined`, `null` and '' are "none". */
const given = (value: string | null | undefined): string | null => (value == null || value === '' ? null : value);

/** Exactly one of a call (its id) or a donor (its directory code). */
function recipient(v: Violations, input: ProposalDetailsInput): Pick<ProposalDetails, 'callId' | 'donor'> {
  const callId = given(input.callId);
  const donor = given(input.donor);
  if ((callId === null) === (donor === null)) {
    const message =
      callId === null ? 'give the call it answers or the donor it asks' : 'give a call or a donor, not both';
    v.addRule('CALL_OR_DONOR', [
      { path: 'callId', value: input.callId, message },
      { path: 'donor', value: input.donor, message },
    ]);
  }
  if (callId !== null && !REFERENCE_ID.test(callId)) {
    v.add('INVALID_ID', 'callId', callId, 'must be 1–80 letters, digits or . _ : - (a UUID fits)');
  }
  if (donor !== null) organisationCode(v, 'donor', donor);
  return { callId, donor };
}

/** At least one ISO 3166-1 alpha-3 country, each once, in the order given. */
function countries(v: Violations, input: readonly string[] | null | undefined): string[] {
  const list = input ?? [];
  if (list.length === 0) v.add('COUNTRY_REQUIRED', 'countries', list, 'must name at least one country');
  list.forEach((country, i) => {
    if (!isCountryCode(country ?? '')) {
      v.add('UNKNOWN_CODE', `countries[${i}]`, country, 'is not an ISO 3166-1 alpha-3 country code, e.g. KHM');
    } else if (list.indexOf(country) < i) {
      v.add('DUPLICATE_COUNTRY', `countries[${i}]`, country, `${country} is listed twice`);
    }
  });
  return [...list];
}

/** Codes of a vocabulary, each once, in the vocabulary's order (so order never counts as a change). */
function codes(
  v: Violations,
  path: string,
  vocabulary: 'policyAreas' | 'guarantees',
  what: string,
  input: readonly string[] | null | undefined,
): string[] {
  const known = (VOCABULARIES[vocabulary] as readonly VocabularyEntry[]).map((e) => e.code);
  (input ?? []).forEach((code, i) => {
    if (!isVocabularyCode(vocabulary, code ?? '')) {
      v.add('UNKNOWN_CODE', `${path}[${i}]`, code, `is not ${what} (one of ${known.join(', ')})`);
    }
  });
  return known.filter((code) => (input ?? []).includes(code));
}

function referenceId(v: Violations, path: string, value: string | null | undefined): string | null {
  const id = given(value);
  if (id !== null && !REFERENCE_ID.test(id)) {
    v.add('INVALID_ID', path, value, 'must be 1–80 letters, digits or . _ : - (a UUID fits)');
  }
  return id;
}

function period(v: Violations, start: string, end: string): void {
  const startValid = isIsoDate(start);
  const endValid = isIsoDate(end);
  const message = 'must be a calendar date written YYYY-MM-DD';
  if (!startValid) v.add('INVALID_DATE', 'start', start, message);
  if (!endValid) v.add('INVALID_DATE', 'end', end, message);
  if (startValid && endValid && end < start) {
    v.addRule('PERIOD_END_BEFORE_START', [
      { path: 'start', value: start, message: `must not be after the end (${end})` },
      { path: 'end', value: end, message: `must not be before the start (${start})` },
    ]);
  }
}

const money = (v: Violations, path: string, value: Money): Money => v.collect(() => validMoney(path, value)) ?? value;

/** The details in one canonical form; every broken rule is added to `v`. */
export function proposalDetails(v: Violations, input: ProposalDetailsInput): ProposalDetails {
  const title = text(v, 'title', input.title, MAX_TITLE);
  const lead = applicants(v, input.applicants);
  const { callId, donor } = recipient(v, input);
  const policyAreas = codes(v, 'policyAreas', 'policyAreas', 'a policy area', input.policyAreas);
  const guarantees = codes(v, 'guarantees', 'guarantees', 'a floor guarantee', input.guarantees);
  if (!input.policyAreas?.length && !input.guarantees?.length) {
    const message = 'name at least one policy area or floor guarantee';
    v.addRule('AREA_OR_GUARANTEE_REQUIRED', [
      { path: 'policyAreas', value: input.policyAreas ?? [], message },
      { path: 'guarantees', value: input.guarantees ?? [], message },
    ]);
  }
  period(v, input.start, input.end);
  return {
    title,
    applicants: lead,
    callId,
    fundCode: null,
    donor,
    countries: countries(v, input.countries),
    policyAreas,
    guarantees,
    requested: money(v, 'requested', input.requested),
    coFunding: input.coFunding == null ? null : money(v, 'coFunding', input.coFunding),
    jointProgrammeId: referenceId(v, 'jointProgrammeId', input.jointProgrammeId),
    start: input.start,
    end: input.end,
  };
}

/** The call a proposal answers must exist; NOT_FOUND names the id. */
export function existingCall(callId: string, call: CallFacts | null | undefined): CallFacts {
  if (!call || call.id !== callId) {
    throw new ConcordError('NOT_FOUND', 'CALL_NOT_FOUND', `No call ${callId}`, [
      { path: 'callId', value: callId, message: 'no such call' },
    ]);
  }
  return call;
}

/**
 * A call takes applications while it is announced, from `opensOn` to `closesOn`. Drafts may be
 * prepared before it opens; `submitting` also refuses a call that has not opened yet.
 */
export function checkCallOpen(call: CallFacts, on: string, submitting: boolean): void {
  const window = `takes applications from ${call.opensOn} to ${call.closesOn}`;
  if (call.status === 'CANCELLED') {
    throw new ConcordError('CONFLICT', 'CALL_CANCELLED', `Call ${call.id} of fund ${call.fundCode} was cancelled`);
  }
  if (call.status === 'CLOSED') {
    throw new ConcordError(
      'CONFLICT',
      'CALL_CLOSED_FOR_APPLICATIONS',
      `Call ${call.id} of fund ${call.fundCode} is closed; it ${window}`,
    );
  }
  // A draft may be written at any time; the dates matter when it is submitted.
  if (submitting && (on > call.closesOn || on < call.opensOn)) {
    throw new ConcordError(
      'CONFLICT',
      'CALL_CLOSED_FOR_APPLICATIONS',
      `Call ${call.id} of fund ${call.fundCode} ${window}; the submission is dated ${on}`,
    );
  }
}

/**
 * Who may answer the call: several organisations when it takes joint proposals only, and its
 * countries when it names some. `countries` is the list as the caller gave it, for the paths.
 */
export function checkEligible(v: Violations, call: CallFacts, details: ProposalDetails): void {
  if (call.jointOnly && details.applicants.length < 2) {
    v.add(
      'JOINT_PROPOSALS_ONLY',
      'applicants',
      details.applicants.map((a) => a.organisation),
      `call ${call.id} takes joint proposals only: name at least two organisations`,
    );
  }
  if (call.countries.length === 0) return;
  details.countries.forEach((country, i) => {
    if (!call.countries.includes(country)) {
      v.add(
        'COUNTRY_NOT_ELIGIBLE',
        `countries[${i}]`,
        country,
        `is not eligible for call ${call.id} (open to ${call.countries.join(', ')})`,
      );
    }
  });
}
