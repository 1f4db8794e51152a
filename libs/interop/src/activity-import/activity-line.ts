import { ConcordError, type FieldError } from '@concord/kernel';
import { LANGUAGES, type ExternalId } from '@concord/programming';
import { WHOLE_LINE } from './line-problem';
import { importId } from './import-ids';

/** One activity of the interchange format (shared/dedupe/FORMAT.md), its shape checked, its rules not yet. */
export interface ActivityLine {
  id: string;
  title: string;
  description?: string;
  language?: string;
  organisation: string;
  partners: { organisation: string; role: string }[];
  country: string;
  areas: string[];
  policyAreas: string[];
  guarantees: string[];
  stages: string[];
  functions: string[];
  targetGroups: string[];
  counterparts: string[];
  start: string;
  end: string;
  status?: string;
  budget?: { currency: string; amount: number };
  fundingSources: string[];
  /** A joint programme CODE (JP-KHM-01), resolved to the programme's id on import. */
  jointProgramme?: string;
  sdgTargets: string[];
  /** The system the `id` belongs to (default IMPORT); IATI when the id is an IATI identifier. */
  source?: string;
}

const REQUIRED_TEXTS = ['id', 'title', 'organisation', 'country', 'start', 'end'] as const;
const OPTIONAL_TEXTS = ['description', 'status', 'jointProgramme', 'source'] as const;
export const LIST_FIELDS = [
  'areas',
  'policyAreas',
  'guarantees',
  'stages',
  'functions',
  'targetGroups',
  'counterparts',
  'fundingSources',
  'sdgTargets',
] as const;

/** Every field of a line, in FORMAT.md's order (the CSV columns follow it). */
export const LINE_FIELDS = [
  'id',
  'title',
  'description',
  'language',
  'organisation',
  'partners',
  'country',
  'areas',
  'policyAreas',
  'guarantees',
  'stages',
  'functions',
  'targetGroups',
  'counterparts',
  'start',
  'end',
  'status',
  'budget',
  'fundingSources',
  'jointProgramme',
  'sdgTargets',
  'source',
] as const;

/** The external-id system of lines that do not name one. */
export const DEFAULT_SYSTEM = 'IMPORT';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Shape problems, all of them, so a user fixes a line in one go (the decider's rules come after). */
class ShapeProblems {
  readonly found: { code: string; field: FieldError }[] = [];

  add(code: string, path: string, value: unknown, message: string): void {
    this.found.push({ code, field: { path, value, message } });
  }

  throwIfAny(): void {
    if (this.found.length === 0) return;
    if (this.found.length > 1) throw ConcordError.invalidFields(this.found.map((f) => f.field));
    throw ConcordError.badInput(this.found[0].code, this.found[0].field);
  }
}

function requiredText(p: ShapeProblems, record: Json, field: string): string {
  const value = record[field];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (isBlank(value) || typeof value === 'string') p.add('REQUIRED_FIELD', field, value, 'is required');
  else p.add('INVALID_TYPE', field, value, 'must be a text');
  return '';
}

function optionalText(p: ShapeProblems, record: Json, field: string): string | undefined {
  const value = record[field];
  if (isBlank(value)) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  p.add('INVALID_TYPE', field, value, 'must be a text');
  return undefined;
}

function textList(p: ShapeProblems, record: Json, field: string): string[] {
  const value = record[field];
  if (isBlank(value)) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  p.add('INVALID_TYPE', field, value, 'must be a list of texts');
  return [];
}

function partners(p: ShapeProblems, record: Json): ActivityLine['partners'] {
  const value = record.partners;
  if (isBlank(value)) return [];
  if (!Array.isArray(value)) {
    p.add('INVALID_TYPE', 'partners', value, 'must be a list of {"organisation": CODE, "role": ROLE}');
    return [];
  }
  return value.flatMap((partner, i) => {
    if (isObject(partner) && typeof partner.organisation === 'string' && typeof partner.role === 'string') {
      return [{ organisation: partner.organisation.trim(), role: partner.role.trim() }];
    }
    p.add('INVALID_TYPE', `partners[${i}]`, partner, 'must be {"organisation": CODE, "role": ROLE}');
    return [];
  });
}

function budget(p: ShapeProblems, record: Json): ActivityLine['budget'] {
  const value = record.budget;
  if (isBlank(value)) return undefined;
  if (!isObject(value)) {
    p.add('INVALID_TYPE', 'budget', value, 'must be {"currency": ISO 4217, "amount": number}');
    return undefined;
  }
  const { currency, amount } = value;
  const problems = p.found.length;
  if (isBlank(currency)) p.add('REQUIRED_FIELD', 'budget.currency', currency, 'is required with an amount');
  else if (typeof currency !== 'string') p.add('INVALID_TYPE', 'budget.currency', currency, 'must be a text');
  if (isBlank(amount)) p.add('REQUIRED_FIELD', 'budget.amount', amount, 'is required with a currency');
  else if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    p.add('INVALID_TYPE', 'budget.amount', amount, 'must be a number');
  }
  return p.found.length > problems ? undefined : { currency: currency as string, amount: amount as number };
}

function language(p: ShapeProblems, record: Json): string | undefined {
  const value = optionalText(p, record, 'language');
  if (value !== undefined && !(LANGUAGES as readonly string[]).includes(value)) {
    // Checked here rather than by the decider, which would also refuse the title filed under it.
    p.add('UNKNOWN_CODE', 'language', value, `must be one of ${LANGUAGES.join(', ')}`);
  }
  return value;
}

/**
 * Checks the shape of one parsed record — the required fields are there, texts are texts, lists
 * are lists — and throws BAD_USER_INPUT naming every field that is not. Codes, dates and amounts
 * are the decider's to judge, through the same command GraphQL sends.
 */
export function activityLineOf(record: unknown): ActivityLine {
  if (!isObject(record)) {
    throw ConcordError.badInput('NOT_AN_OBJECT', { path: WHOLE_LINE, value: record, message: 'must be a JSON object' });
  }
  const p = new ShapeProblems();
  const [id, title, organisation, country, start, end] = REQUIRED_TEXTS.map((f) => requiredText(p, record, f));
  const [description, status, jointProgramme, source] = OPTIONAL_TEXTS.map((f) => optionalText(p, record, f));
  const [areas, policyAreas, guarantees, stages, functions, targetGroups, counterparts, fundingSources, sdgTargets] =
    LIST_FIELDS.map((f) => textList(p, record, f));
  const line: ActivityLine = {
    id,
    title,
    description,
    language: language(p, record),
    organisation,
    partners: partners(p, record),
    country,
    areas,
    policyAreas,
    guarantees,
    stages,
    functions,
    targetGroups,
    counterparts,
    start,
    end,
    status,
    budget: budget(p, record),
    fundingSources,
    jointProgramme,
    sdgTargets,
    source,
  };
  p.throwIfAny();
  return line;
}

/** Fields a record has that FORMAT.md does not define: ignored, and named in the report as a warning. */
export const unknownFieldsOf = (record: unknown): string[] =>
  isObject(record) ? Object.keys(record).filter((k) => !(LINE_FIELDS as readonly string[]).includes(k)) : [];

/** The record's `id` for the report, when it has a usable one. */
export const recordIdOf = (record: unknown): string | undefined =>
  isObject(record) && typeof record.id === 'string' ? record.id : undefined;

export const externalIdOf = (line: Pick<ActivityLine, 'id' | 'source'>): ExternalId => ({
  system: line.source ?? DEFAULT_SYSTEM,
  id: line.id,
});

/** The stream an external id is registered under when the store does not know it yet. */
export const activityIdFor = ({ system, id }: ExternalId): string => importId('activity', `${system}:${id}`);
