import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/** Refuses queries nested deeper than `max` fields, before any resolver runs. */
export const depthLimit =
  (max: number) =>
  (context: ValidationContext): ASTVisitor => {
    let depth = 0;
    return {
      Field: {
        enter(node) {
          depth++;
          if (depth > max) {
            context.reportError(
              new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${max}`, {
                nodes: [node],
                extensions: { code: 'BAD_USER_INPUT' },
              }),
            );
          }
        },
        leave() {
          depth--;
        },
      },
    };
  };
