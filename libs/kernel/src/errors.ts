/** What went wrong, in the terms every API speaks (GraphQL `extensions.code`, CLI exit text). */
export type ErrorKind = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** One failing input: where it is, what was given, and why it is refused. */
export interface FieldError {
  path: string;
  value?: unknown;
  message: string;
}

/**
 * The one error type every context throws for expected failures. `code` is the context's own
 * reason (e.g. ORGANISATION_CODE_TAKEN); `kind` is how callers should treat it.
 */
export class ConcordError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ConcordError';
  }

  static badInput(code: string, field: FieldError): ConcordError {
    return new ConcordError('BAD_USER_INPUT', code, `${field.path}: ${field.message}`, [field]);
  }

  static invalidFields(fields: FieldError[]): ConcordError {
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return new ConcordError('BAD_USER_INPUT', 'INVALID_INPUT', summary, fields);
  }
}

/** A transition the lifecycle does not allow, naming the current state. */
export function lifecycleError(aggregate: string, state: string, attempted: string): ConcordError {
  return new ConcordError('CONFLICT', 'INVALID_TRANSITION', `${aggregate} is ${state}; cannot ${attempted}`);
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
