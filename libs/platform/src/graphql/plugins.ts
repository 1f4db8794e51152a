import type { ApolloServerPlugin } from '@apollo/server';
import { ConcordError } from '@concord/kernel';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics';
import { errorCode, isUnexpected } from './errors';
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

/**
 * Logs every mutation (its fields, actor, outcome) and every unexpected error with the request's
 * correlation id, and counts commands by outcome; callers of a failed request see only the id.
 */
export const requestLoggingPlugin = (logger: Logger, metrics: Metrics): ApolloServerPlugin<RequestContext> => ({
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
      async willSendResponse({ contextValue, operation, response, errors }) {
        if (operation?.operation !== OperationTypeNode.MUTATION) return;
        const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
        const outcome = errors?.length ? errorCode(errors[0]) : 'OK';
        for (const command of fields) metrics.commands.inc({ command, outcome });
        logger.info(
          {
            correlationId: contextValue.correlationId,
            actor: contextValue.actor?.id,
            mutations: fields,
            outcome,
            kind: response.body.kind,
          },
          'mutation',
        );
      },
    };
  },
});
