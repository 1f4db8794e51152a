import type { ApolloServerPlugin } from '@apollo/server';
import { ConcordError } from '@concord/kernel';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Logger } from 'pino';
import { isUnexpected } from './errors';
import type { RequestContext } from './request-context';

const asGraphQLError = (error: ConcordError) =>
  new GraphQLError(error.message, { extensions: { code: error.kind, reason: error.code } });

/**
 * Authentication for every operation in one place: a refused token fails the whole request, and
 * no mutation runs without a signed-in actor, whichever resolver it reaches.
 */
export const authPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.authError) throw asGraphQLError(contextValue.authError);
        if (operation?.operation === OperationTypeNode.MUTATION && !contextValue.actor) {
          throw asGraphQLError(
            new ConcordError(
              'UNAUTHENTICATED',
              'SIGN_IN_REQUIRED',
              'Mutations need a bearer token (Authorization: Bearer <token>)',
            ),
          );
        }
      },
    };
  },
};

/** Logs unexpected errors with the request's correlation id; callers see only the id. */
export const errorLoggingPlugin = (logger: Logger): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors.filter(isUnexpected)) {
          logger.error(
            { correlationId: contextValue.correlationId, operationName, err: error.originalError ?? error },
            'GraphQL request failed',
          );
        }
      },
    };
  },
});
