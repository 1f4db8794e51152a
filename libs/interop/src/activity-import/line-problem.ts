import { ConcordError } from '@concord/kernel';

/** One field at fault, named as the file names it (FORMAT.md field or CSV column). */
export interface ProblemField {
  field: string;
  value?: unknown;
  reason: string;
}

/** What the error report says about one line: a refused line (error) or a note on an imported one (warning). */
export interface LineProblem {
  /** The line the record starts on (the CSV header is line 1). */
  line: number;
  /** The record's `id`, when it has one. */
  id?: string;
  severity: 'error' | 'warning';
  /** The ConcordError code, e.g. UNKNOWN_CODE, or the reader's own (INVALID_JSON, FIELD_COUNT). */
  code: string;
  message: string;
  fields: ProblemField[];
}

/** The field used when a whole line is at fault rather than one of its fields. */
export const WHOLE_LINE = '(line)';

/**
 * Command paths (what the decider names) → the file's field names, so the report speaks of the
 * columns the user wrote. Paths not listed are already named alike (country, partners[0].role…).
 */
const FILE_FIELDS: [RegExp, string][] = [
  [/^titles(\.\w+)?$/, 'title'],
  [/^descriptions(\.\w+)?$/, 'description'],
  [/^budget\[\d+\]\.required$/, 'budget.amount'],
  [/^budget\[\d+\]\.currency$/, 'budget.currency'],
  // The budget line's year is the start date's year.
  [/^budget\[\d+\]\.year$/, 'start'],
  [/^externalIds\[\d+\]\.system$/, 'source'],
  [/^(externalIds\[\d+\](\.id)?|activity\.externalId)$/, 'id'],
  [/^jointProgrammeId$/, 'jointProgramme'],
];

export const fileFieldOf = (path: string): string => FILE_FIELDS.find(([pattern]) => pattern.test(path))?.[1] ?? path;

const MAX_VALUE = 200;

/** Long texts (a 20,000-character description) are cut, so the report stays readable. */
const reported = (value: unknown): unknown =>
  typeof value === 'string' && value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;

/** A refused line from the error its command (or the line check) threw. */
export function problemOf(line: number, id: string | undefined, error: ConcordError): LineProblem {
  return {
    line,
    id,
    severity: 'error',
    code: error.code,
    message: error.message,
    fields: error.fields.map((f) => ({ field: fileFieldOf(f.path), value: reported(f.value), reason: f.message })),
  };
}

/** A problem the readers find before there is a record (bad JSON, a CSV row of the wrong width). */
export function lineError(line: number, code: string, value: unknown, reason: string): LineProblem {
  return {
    line,
    severity: 'error',
    code,
    message: reason,
    fields: [{ field: WHOLE_LINE, value: reported(value), reason }],
  };
}

/** Errors are expected per line; anything else (a lost connection, a bug) stops the import. */
export const isLineError = (error: unknown): error is ConcordError => error instanceof ConcordError;
