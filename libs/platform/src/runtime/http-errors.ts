import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ConcordError, type ErrorKind } from '@concord/kernel';
import type { Response } from 'express';

const STATUS: Record<ErrorKind, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/**
 * Expected failures of a plain HTTP route (an export, not GraphQL) as the status they mean and the
 * same body GraphQL errors carry: `{ error: { code, reason, message, fields } }`. Put on a
 * controller with `@UseFilters(ConcordHttpErrors)`.
 */
@Catch(ConcordError)
export class ConcordHttpErrors implements ExceptionFilter {
  catch(error: ConcordError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(STATUS[error.kind]).json({
      error: { code: error.kind, reason: error.code, message: error.message, fields: error.fields },
    });
  }
}
