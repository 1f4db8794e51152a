import { ConcordError, isIsoDate, type FieldError } from '@concord/kernel';
import {
  isCountryCode,
  isCurrency,
  isSdgTarget,
  isVocabularyCode,
  VOCABULARIES,
  type ActivityStatus,
  type VocabularyCode,
  type VocabularyEntry,
  type VocabularyName,
} from '@concord/reference';
import { Decimal } from 'decimal.js';
import type { ActivityDetailsInput, BudgetLineInput } from './activity.commands';
import {
  ACTIVITY_SOURCES,
  LANGUAGES,
  type ActivityDetails,
  type ActivitySource,
  type BudgetLine,
  type ExternalId,
  type JointProgrammePeriod,
  type Language,
  type LocalisedText,
  type Partner,
} from './activity.events';

/** Ids of activities, joint programmes and framework outputs: a UUID or an importer's stable id. */
export const REFERENCE_ID = /^[A-Za-z0-9._:-]{1,80}$/;
const ORGANISATION_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
const EXTERNAL_SYSTEM = /^[A-Z][A-Z0-9_]{1,19}$/;
/** Non-negative, at most two decimals, and small enough that yearly sums fit NUMERIC(18,2). */
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const MAX_TITLE = 500;
const MAX_DESCRIPTION = 20_000;
const MAX_TEXT = 200;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/**
 * Every rule an input breaks, collected so a caller (or an import's per-line report) sees all of
 * them at once instead of fixing one field per attempt.
 */
export class Violations {
  private readonly found: { code: string; fields: FieldError[] }[] = [];

  add(code: string, path: string, value: unknown, message: string): void {
    this.found.push({ code, fields: [{ path, value, message }] });
  }

  /** One rule broken by several fields together, e.g. a period that ends before it starts. */
  addRule(code: string, fields: FieldError[]): void {
    this.found.push({ code, fields });
  }

  /** BAD_USER_INPUT listing every failing field; a single broken rule keeps its own code. */
  throwIfAny(): void {
    if (this.found.length === 0) return;
    if (this.found.length > 1) throw ConcordError.invalidFields(this.found.flatMap((f) => f.fields));
    const [{ code, fields }] = this.found;
    throw new ConcordError('BAD_USER_INPUT', code, fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
  }
}

const at = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);
const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

function localisedText(v: Violations, path: string, input: LocalisedText | null | undefined, max: number) {
  const given = (input ?? {}) as Record<string, string | null | undefined>;
  for (const key of Object.keys(given).filter((k) => !isLanguage(k))) {
    v.add('UNKNOWN_CODE', `${path}.${key}`, key, `is not a language Concord holds (${LANGUAGES.join(', ')})`);
  }
  // Built in LANGUAGES order so that equal texts serialise equally and a re-import compares equal.
  const text: LocalisedText = {};
  for (const language of LANGUAGES) {
    const value = (given[language] ?? '').trim();
    if (!value) continue;
    if (value.length > max) {
      v.add(
        'TEXT_TOO_LONG',
        `${path}.${language}`,
        given[language],
        `must be at most ${max} characters (is ${value.length})`,
      );
    }
    text[language] = value;
  }
  return text;
}

function titleLanguage(v: Violations, given: string | null | undefined, titles: LocalisedText): Language {
  const language = given ?? (titles.en ? 'en' : (LANGUAGES.find((l) => titles[l]) ?? 'en'));
  if (!isLanguage(language)) {
    v.add('UNKNOWN_CODE', 'language', language, `must be one of ${LANGUAGES.join(', ')}`);
    return 'en';
  }
  if (Object.keys(titles).length > 0 && !titles[language]) {
    v.add('TITLE_REQUIRED', `titles.${language}`, undefined, `must be given in the activity's language (${language})`);
  }
  return language;
}

function organisationCode(v: Violations, path: string, value: string): string {
  if (!ORGANISATION_CODE.test(value ?? '')) {
    v.add('INVALID_CODE', path, value, 'must be an organisation code: 2–30 capital letters, digits or _, e.g. UNICEF');
  }
  return value;
}

function country(v: Violations, value: string): string {
  if (!isCountryCode(value ?? '')) v.add('UNKNOWN_CODE', 'country', value, 'is not an ISO 3166-1 alpha-3 country code');
  return value;
}

/** Codes of a vocabulary, each once, in the vocabulary's own order (so order never counts as a change). */
function vocabularyCodes<N extends VocabularyName>(
  v: Violations,
  path: string,
  vocabulary: N,
  what: string,
  values: readonly string[] | null | undefined,
): VocabularyCode<N>[] {
  const given = (values ?? []).map((code, i) => vocabularyCode(v, `${path}[${i}]`, vocabulary, what, code));
  const known = (VOCABULARIES[vocabulary] as readonly VocabularyEntry[]).map((e) => e.code as VocabularyCode<N>);
  return known.filter((code) => given.includes(code));
}

/** One code of a vocabulary, or undefined (and a violation) when it is not one. */
function vocabularyCode<N extends VocabularyName>(
  v: Violations,
  path: string,
  vocabulary: N,
  what: string,
  value: string,
): VocabularyCode<N> | undefined {
  if (isVocabularyCode(vocabulary, value ?? '')) return value as VocabularyCode<N>;
  const known = (VOCABULARIES[vocabulary] as readonly VocabularyEntry[]).map((e) => e.code);
  v.add('UNKNOWN_CODE', path, value, `is not ${what} (one of ${known.join(', ')})`);
  return undefined;
}

/** Free-text entries (areas, counterparts, funding sources): trimmed, blanks dropped, each once. */
function texts(v: Violations, path: string, values: readonly string[] | null | undefined): string[] {
  const result: string[] = [];
  (values ?? []).forEach((raw, i) => {
    const text = (raw ?? '').trim();
    if (text.length > MAX_TEXT) {
      v.add('TEXT_TOO_LONG', `${path}[${i}]`, raw, `must be at most ${MAX_TEXT} characters (is ${text.length})`);
    }
    if (text && !result.includes(text)) result.push(text);
  });
  return result;
}

function date(v: Violations, path: string, value: string): boolean {
  if (isIsoDate(value)) return true;
  v.add('INVALID_DATE', path, value, 'must be a calendar date written YYYY-MM-DD');
  return false;
}

function period(v: Violations, start: string, end: string): void {
  const valid = date(v, 'start', start) && date(v, 'end', end);
  if (valid && end < start) {
    v.addRule('PERIOD_END_BEFORE_START', [
      { path: 'start', value: start, message: `must not be after the end (${end})` },
      { path: 'end', value: end, message: `must not be before the start (${start})` },
    ]);
  }
}

function marker(v: Violations, path: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 0 || value > 3) {
    v.add('INVALID_MARKER', path, value, 'must be a whole number from 0 to 3');
  }
  return value;
}

export function referenceId(v: Violations, path: string, value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  if (!REFERENCE_ID.test(value)) {
    v.add('INVALID_ID', path, value, 'must be 1–80 letters, digits or . _ : - (a UUID fits)');
  }
  return value;
}

export function requiredId(v: Violations, path: string, value: string): string {
  const id = referenceId(v, path, value);
  if (id === null) v.add('INVALID_ID', path, value, 'must not be empty');
  return id ?? '';
}

function partners(v: Violations, values: ActivityDetailsInput['partners']): Partner[] {
  const result: Partner[] = [];
  (values ?? []).forEach((partner, i) => {
    const organisation = organisationCode(v, `partners[${i}].organisation`, partner.organisation);
    const role = vocabularyCode(
      v,
      `partners[${i}].role`,
      'organisationRoles',
      'an IATI organisation role',
      partner.role,
    );
    if (role && !result.some((p) => p.organisation === organisation && p.role === role)) {
      result.push({ organisation, role });
    }
  });
  return result;
}

function sdgTargets(v: Violations, values: readonly string[] | null | undefined): string[] {
  const given = values ?? [];
  given.forEach((code, i) => {
    if (!isSdgTarget(code)) v.add('UNKNOWN_CODE', `sdgTargets[${i}]`, code, 'is not an SDG target, e.g. 1.3 or 10.4');
  });
  return [...new Set(given)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The descriptive fields, cleaned into one canonical form; every broken rule is added to `v`. */
export function activityDetails(v: Violations, input: ActivityDetailsInput): ActivityDetails {
  const titles = localisedText(v, 'titles', input.titles, MAX_TITLE);
  if (Object.keys(titles).length === 0) {
    // The value as given: blank titles were dropped from `titles`.
    v.add(
      'TITLE_REQUIRED',
      'titles',
      input.titles ?? null,
      `must give a title in at least one of ${LANGUAGES.join(', ')}`,
    );
  }
  period(v, input.start, input.end);
  return {
    titles,
    descriptions: localisedText(v, 'descriptions', input.descriptions, MAX_DESCRIPTION),
    language: titleLanguage(v, input.language, titles),
    organisation: organisationCode(v, 'organisation', input.organisation),
    partners: partners(v, input.partners),
    country: country(v, input.country),
    areas: texts(v, 'areas', input.areas),
    policyAreas: vocabularyCodes(v, 'policyAreas', 'policyAreas', 'a policy area', input.policyAreas),
    guarantees: vocabularyCodes(v, 'guarantees', 'guarantees', 'a floor guarantee', input.guarantees),
    stages: vocabularyCodes(v, 'stages', 'stages', 'a delivery stage', input.stages),
    functions: vocabularyCodes(v, 'functions', 'functions', 'a function', input.functions),
    targetGroups: vocabularyCodes(v, 'targetGroups', 'targetGroups', 'a target group', input.targetGroups),
    counterparts: texts(v, 'counterparts', input.counterparts),
    start: input.start,
    end: input.end,
    fundingSources: texts(v, 'fundingSources', input.fundingSources),
    frameworkOutputId: referenceId(v, 'frameworkOutputId', input.frameworkOutputId),
    sdgTargets: sdgTargets(v, input.sdgTargets),
    genderMarker: marker(v, 'genderMarker', input.genderMarker),
    humanRightsMarker: marker(v, 'humanRightsMarker', input.humanRightsMarker),
  };
}

function amount(v: Violations, path: string, value: string | null | undefined): string {
  const given = value ?? '0';
  if (!AMOUNT.test(given)) {
    v.add(
      'INVALID_AMOUNT',
      path,
      value,
      'must be a non-negative amount with at most 2 decimals, written as a string (e.g. "250000.50")',
    );
    return given;
  }
  // One spelling per amount ('250000' and '250000.0' are both '250000.00'), so equal lines compare equal.
  return new Decimal(given).toFixed(2);
}

/** One budget line; `prefix` is its path in the input ('' when the line is the whole command). */
export function budgetLine(v: Violations, prefix: string, line: BudgetLineInput): BudgetLine {
  const { year, currency } = line;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    v.add('INVALID_YEAR', at(prefix, 'year'), year, `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
  if (!isCurrency(currency ?? '')) {
    v.add('UNKNOWN_CODE', at(prefix, 'currency'), currency, 'is not an ISO 4217 currency code');
  }
  return {
    year,
    currency,
    required: amount(v, at(prefix, 'required'), line.required),
    available: amount(v, at(prefix, 'available'), line.available),
    spent: amount(v, at(prefix, 'spent'), line.spent),
  };
}

/** A whole budget: one line per year and currency, ordered by year then currency. */
export function budget(v: Violations, lines: readonly BudgetLineInput[] | null | undefined): BudgetLine[] {
  const result: BudgetLine[] = [];
  (lines ?? []).forEach((input, i) => {
    const line = budgetLine(v, `budget[${i}]`, input);
    if (result.some((l) => l.year === line.year && l.currency === line.currency)) {
      v.add(
        'DUPLICATE_BUDGET_LINE',
        `budget[${i}]`,
        { year: line.year, currency: line.currency },
        `repeats ${line.year} ${line.currency}: give one line per year and currency`,
      );
    }
    result.push(line);
  });
  return result.sort((a, b) => a.year - b.year || a.currency.localeCompare(b.currency));
}

export function externalIds(v: Violations, values: readonly ExternalId[] | null | undefined): ExternalId[] {
  const result: ExternalId[] = [];
  (values ?? []).forEach(({ system, id: raw }, i) => {
    if (!EXTERNAL_SYSTEM.test(system ?? '')) {
      v.add('INVALID_CODE', `externalIds[${i}].system`, system, 'must be 2–20 capital letters, digits or _, e.g. IATI');
    }
    const id = (raw ?? '').trim();
    if (!id || id.length > MAX_TEXT) {
      v.add('INVALID_EXTERNAL_ID', `externalIds[${i}].id`, raw, `must be 1–${MAX_TEXT} characters`);
    }
    if (result.some((e) => e.system === system && e.id === id)) {
      v.add('DUPLICATE_EXTERNAL_ID', `externalIds[${i}]`, { system, id }, 'is listed twice');
    }
    result.push({ system, id });
  });
  return result;
}

export function activityStatus(v: Violations, value: string): ActivityStatus {
  return vocabularyCode(v, 'status', 'activityStatuses', 'an activity status', value) ?? 'PIPELINE';
}

export function source(v: Violations, value: string | null | undefined): ActivitySource {
  const given = value ?? 'MANUAL';
  if (!(ACTIVITY_SOURCES as readonly string[]).includes(given)) {
    v.add('UNKNOWN_CODE', 'source', given, `must be one of ${ACTIVITY_SOURCES.join(', ')}`);
  }
  return given as ActivitySource;
}

/** Issue 3's "activity outside its JP's period": the activity's period must lie within the programme's. */
export function assertWithinJointProgramme(
  jointProgrammeId: string,
  jp: JointProgrammePeriod,
  activity: { start: string; end: string },
): void {
  const fields: FieldError[] = [];
  if (jp.start && activity.start < jp.start) {
    fields.push({
      path: 'start',
      value: activity.start,
      message: `is before joint programme ${jointProgrammeId} starts (${jp.start})`,
    });
  }
  if (jp.end && activity.end > jp.end) {
    fields.push({
      path: 'end',
      value: activity.end,
      message: `is after joint programme ${jointProgrammeId} ends (${jp.end})`,
    });
  }
  if (fields.length) {
    throw new ConcordError(
      'BAD_USER_INPUT',
      'OUTSIDE_JOINT_PROGRAMME_PERIOD',
      `The activity (${activity.start} – ${activity.end}) lies outside joint programme ${jointProgrammeId} ` +
        `(${jp.start ?? '…'} – ${jp.end ?? '…'})`,
      fields,
    );
  }
}
