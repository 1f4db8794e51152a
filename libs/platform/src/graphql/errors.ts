import { unwrapResolverError } from '@apollo/server/errors';
import { ConcordError } from '@concord/kernel';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The one mapping from errors to GraphQL `extensions.code`. Expected failures keep their message
 * and fields; anything else is INTERNAL_SERVER_ERROR with no internals shown (it is logged with
 * the correlation id by the logging plugin).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ConcordError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.kind,
        reason: original.code,
        ...(original.fields.length ? { fields: original.fields } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) {
    return formatted; // parse, validation and variable errors: BAD_USER_INPUT / GRAPHQL_VALIDATION_FAILED …
  }
  return {
    message: 'Internal server error; quote the correlation id when reporting it',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export const isUnexpected = (error: unknown): boolean => {
  const original = unwrapResolverError(error);
  return !(original instanceof ConcordError) && !(original instanceof GraphQLError && !original.originalError);
};

/** The `extensions.code` an error is answered with (for logs and metrics). */
export function errorCode(error: GraphQLError): string {
  const original = unwrapResolverError(error);
  if (original instanceof ConcordError) return original.kind;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
